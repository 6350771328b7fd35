using BaoCao.Dashboards.Projection;

namespace BaoCao.Dashboards.Jobs;

/// <summary>Nightly: roll-ups follow unit merges and aggregation-rule changes made during the day.</summary>
internal sealed class RebuildRollUpsJob(AggregatesProjector projector)
{
    public const string JobId = "dashboards:rebuild-rollups";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await projector.CatchUpAsync(cancellationToken);
        await projector.RebuildRollUpsAsync(cancellationToken);
    }
}
