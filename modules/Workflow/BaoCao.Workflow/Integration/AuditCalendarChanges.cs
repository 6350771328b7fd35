using BaoCao.Deadlines.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>Writes every change of a year's holiday schedule (from Deadlines, through its outbox) to the audit trail
/// under <c>CALENDAR/{year}</c>: changed days move due dates, so who changed them must be on record. Idempotent.</summary>
internal sealed class AuditCalendarChanges(WorkflowDbContext db, AuditTrail audit) : INotificationHandler<CalendarScheduleChanged>
{
    public async ValueTask Handle(CalendarScheduleChanged notification, CancellationToken cancellationToken)
    {
        if (await db.ProcessedEvents.AnyAsync(p => p.Id == notification.EventId, cancellationToken))
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ProcessedEvents.Add(new ProcessedEvent { Id = notification.EventId, At = notification.At });
        var after = notification.Reason is null ? notification.After : $"{notification.After} · Lý do: {notification.Reason}";
        await audit.AppendAsync([new AuditTrail.Line($"calendar.{notification.Action}", $"CALENDAR/{notification.Year}", notification.Before, after)],
            notification.By, notification.Address, notification.At, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node delivered the same event at the same moment: its entry stands. Anything else is retried by the outbox.
            if (!await db.ProcessedEvents.AsNoTracking().AnyAsync(p => p.Id == notification.EventId, cancellationToken))
                throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
