using Microsoft.Extensions.DependencyInjection;
using BaoCao.Deadlines.Reminders;
using BaoCao.SharedKernel.Time;
using Hangfire;

namespace BaoCao.Deadlines.Jobs;

/// <summary>
/// The reminder ladder on Hangfire: each morning at 07:00 (Vietnam time) today's run — a day off sends nothing, the next
/// working day catches up — and every five minutes the digests waiting for a retry. Both are safe to run twice or on
/// two servers at once: the ledger's unique keys and the per-digest claim decide.
/// </summary>
internal sealed class RemindLateUnitsJob(IServiceProvider services, TimeProvider clock)
{
    public const string DailyJobId = "deadlines:reminders";
    public const string RetryJobId = "deadlines:reminders-retry";

    [AutomaticRetry(Attempts = 0)]
    public async Task<RunOutcome> RunTodayAsync(CancellationToken cancellationToken)
    {
        await using var scope = SystemActor.Begin(services);
        return await scope.ServiceProvider.GetRequiredService<ReminderLadder>().RunAsync(VietnamTime.Today(clock), cancellationToken);
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = SystemActor.Begin(services);
        return (await scope.ServiceProvider.GetRequiredService<ReminderLadder>().SendPendingAsync(cancellationToken)).Sent;
    }
}
