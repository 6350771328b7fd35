using BaoCao.Workflow.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaoCao.Dashboards.Projection;

/// <summary>
/// Runs the projector: at start-up (catching up on whatever a crash or a stopped node left behind), whenever an approval
/// is announced, and every poll interval in case an announcement was lost. Correctness never depends on the
/// announcement: the checkpoint says where to resume.
/// </summary>
internal sealed class AggregatesProjection(IServiceScopeFactory scopes, ProjectionGate gate, IConfiguration configuration, ILogger<AggregatesProjection> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Dashboards:Projection:Enabled", true))
            return;
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Dashboards:Projection:PollSeconds", 30.0));
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AggregatesProjector>().CatchUpAsync(stoppingToken);
                await gate.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Dashboards projection round failed; it resumes from its checkpoint");
                try { await Task.Delay(poll, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

/// <summary>An approval was committed: wake the projector.</summary>
internal sealed class WakeOnDataApproved(ProjectionGate gate) : INotificationHandler<DataApproved>
{
    public ValueTask Handle(DataApproved notification, CancellationToken cancellationToken)
    {
        gate.Wake();
        return ValueTask.CompletedTask;
    }
}
