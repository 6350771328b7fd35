using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Reminders;
using BaoCao.SharedKernel.Time;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Deadlines.Jobs;

/// <summary>On the first day of each month (06:00, Vietnam time) the compliance report of the month before, and on the
/// first day of a quarter the quarter's as well; on 1 July and 1 January the usage report of the half-year (and the
/// year). A period already generated is left as it is.</summary>
internal sealed class GenerateComplianceJob(IServiceProvider services, TimeProvider clock)
{
    public const string JobId = "deadlines:compliance";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = SystemActor.Begin(services);
        var compliance = scope.ServiceProvider.GetRequiredService<Compliance>();
        var lastMonth = VietnamTime.Today(clock).AddMonths(-1);
        var periods = new List<string> { $"{lastMonth:yyyyMM}" };
        if (lastMonth.Month % 3 == 0)
            periods.Add($"{lastMonth.Year}Q{lastMonth.Month / 3}");
        var generated = 0;
        foreach (var code in periods)
        {
            if ((await compliance.GenerateAsync(Period.TryParse(code)!, regenerate: false, "system", cancellationToken)).Generated)
                generated++;
        }
        var usage = lastMonth.Month switch
        {
            6 => new[] { $"{lastMonth.Year}S1" },
            12 => [$"{lastMonth.Year}S2", $"{lastMonth.Year}"],
            _ => [],
        };
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        foreach (var code in usage)
        {
            if ((await sender.Send(new Features.ReviewUsage.Generate(code, Regenerate: false), cancellationToken)).Value?.GeneratedNow == true)
                generated++;
        }
        return generated;
    }
}
