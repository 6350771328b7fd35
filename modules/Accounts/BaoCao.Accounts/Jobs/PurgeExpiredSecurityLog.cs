using BaoCao.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Accounts.Jobs;

/// <summary>
/// Keeps the security log for the retention period (<c>Accounts:SecurityLogRetentionMonths</c>, 12 by default)
/// and deletes older lines. Re-runnable: a second run the same day finds nothing left to delete.
/// </summary>
internal sealed class PurgeExpiredSecurityLog(AccountsDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const string JobId = "accounts:purge-expired-security-log";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var months = Math.Max(1, configuration.GetValue("Accounts:SecurityLogRetentionMonths", 12));
        var cutOff = clock.GetUtcNow().AddMonths(-months);
        return await db.SecurityLog.Where(e => e.At < cutOff).ExecuteDeleteAsync(cancellationToken);
    }
}
