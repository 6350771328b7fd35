using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Deadlines.Integration;

/// <summary>Counts sign-ins for the usage report. Idempotent: a redelivered event is already recorded.</summary>
internal sealed class RecordUsage(DeadlinesDbContext db) : INotificationHandler<UserSignedIn>
{
    public async ValueTask Handle(UserSignedIn notification, CancellationToken cancellationToken)
    {
        if (await db.UsageEvents.AnyAsync(u => u.Id == notification.EventId, cancellationToken))
            return;
        db.UsageEvents.Add(UsageEvent.SignIn(notification.EventId, notification.UserName, notification.At));
        await db.SaveChangesAsync(cancellationToken);
    }
}
