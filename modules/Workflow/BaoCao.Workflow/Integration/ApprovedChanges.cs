using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>The approved-value change feed for other modules' read models.</summary>
internal sealed class ApprovedChanges(WorkflowDbContext db) : IQueryHandler<ListApprovedChanges, IReadOnlyList<ApprovedChange>>
{
    public async ValueTask<IReadOnlyList<ApprovedChange>> Handle(ListApprovedChanges query, CancellationToken cancellationToken) =>
        await db.ApprovedValues.AsNoTracking().Where(v => v.Sequence > query.After).OrderBy(v => v.Sequence).Take(Math.Clamp(query.Limit, 1, 50_000))
            .Select(v => new ApprovedChange(v.Sequence, v.FormCode, v.UnitCode, v.Period, v.Indicator, v.Column, v.Disaggregation, v.Number, v.ApprovedAt))
            .ToListAsync(cancellationToken);
}
