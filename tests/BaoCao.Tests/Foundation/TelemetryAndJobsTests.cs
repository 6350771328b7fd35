using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using BaoCao.Accounts.Jobs;
using BaoCao.SharedKernel.Telemetry;
using BaoCao.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation;

public sealed class TelemetryAndJobsTests : IDisposable
{
    private readonly ConcurrentQueue<string> _spans = new();
    private readonly ActivityListener _listener;

    public TelemetryAndJobsTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BaoCaoTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _spans.Enqueue(activity.OperationName),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Every_mediator_request_is_a_BaoCao_span()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);

        var response = await app.CreateClient().PostAsJsonAsync("/api/calendar/working-days/add", new { from = "2026-11-27", days = 3 });

        response.EnsureSuccessStatusCode();
        Assert.Contains("CountWorkingDays.Command", _spans);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_job_server_runs_a_module_job_as_a_BaoCao_span(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Jobs:Enabled"] = "true", ["Jobs:WorkerCount"] = "1" });

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(PurgeExpiredSecurityLog.JobId);

        await Eventually.TrueAsync(() => Task.FromResult(_spans.Contains("job PurgeExpiredSecurityLog.RunAsync")), "the triggered job ran", timeoutSeconds: 30);
    }
}
