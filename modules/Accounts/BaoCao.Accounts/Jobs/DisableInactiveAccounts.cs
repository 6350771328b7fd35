using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Accounts.Jobs;

/// <summary>
/// Suspends accounts nobody has signed in with for <c>Accounts:InactiveDays</c> (45) days (never signed in: since
/// issued); the unit asks the province office to reactivate them. Demo accounts are exempt. Re-runnable.
/// </summary>
internal sealed class DisableInactiveAccounts(AccountsDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const string JobId = "accounts:disable-inactive-accounts";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutOff = now.AddDays(-configuration.GetValue("Accounts:InactiveDays", 45));
        var idle = await db.Accounts
            .Where(a => a.Status == AccountStatus.Active && !a.IsDemo && (a.LastSignInAt ?? a.CreatedAt) < cutOff)
            .ToListAsync(cancellationToken);
        foreach (var account in idle)
        {
            account.Status = AccountStatus.Suspended;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.DisabledForInactivity, account.UserName!, null, now,
                $"Không đăng nhập từ {(account.LastSignInAt ?? account.CreatedAt):dd/MM/yyyy}"));
        }
        await db.SaveChangesAsync(cancellationToken);
        return idle.Count;
    }
}
