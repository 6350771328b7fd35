using BaoCao.Accounts.Contracts;

namespace BaoCao.Dashboards.Projection;

/// <summary>A unit was merged or a merger undone: the tree the roll-ups were made on changed, so they are rolled up again
/// at once — no administrator has to ask for it. Rolling up is a pure function of the own figures and the tree, so a
/// redelivered event only repeats the same result.</summary>
internal sealed class RollUpAfterMerge(AggregatesProjector projector) : INotificationHandler<UnitMergeChanged>
{
    public async ValueTask Handle(UnitMergeChanged notification, CancellationToken cancellationToken)
    {
        // Own figures approved just before the merger first, so the new tree rolls up everything there is.
        await projector.CatchUpAsync(cancellationToken);
        await projector.RebuildRollUpsAsync(cancellationToken);
    }
}
