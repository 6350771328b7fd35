using BaoCao.Workflow.Exchange;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Workflow.Jobs;

/// <summary>Every minute: the packets due to the configured destinations (first attempts and retries). Safe on two servers
/// at once: a packet is claimed by saving it (optimistic concurrency) and a destination that already has it answers 409.</summary>
internal sealed class PushPacketsJob(IServiceProvider services)
{
    public const string JobId = "workflow:push-packets";

    [AutomaticRetry(Attempts = 0)] // the packets keep their own retry schedule
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = SharedKernel.Security.SystemActor.Begin(services);
        return await scope.ServiceProvider.GetRequiredService<PacketDelivery>().DeliverDueAsync(cancellationToken);
    }
}
