using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>Answers other modules' questions about approval (Workflow's Contracts).</summary>
internal sealed class SubmissionQueries(WorkflowDbContext db)
    : IQueryHandler<GetSubmissionState, SubmissionStatus>, IQueryHandler<ListReportStatuses, IReadOnlyList<ReportStatus>>
{
    public async ValueTask<IReadOnlyList<ReportStatus>> Handle(ListReportStatuses query, CancellationToken cancellationToken)
    {
        var regime = query.RegimeCode.Trim().ToUpperInvariant();
        var period = query.Period.Trim().ToUpperInvariant();
        var reports = await db.Reports.AsNoTracking().Where(r => r.RegimeCode == regime && r.Period == period)
            .Select(r => new { r.UnitCode, r.State, r.SentAt, r.Late }).ToListAsync(cancellationToken);
        return [.. reports.Select(r => new ReportStatus(r.UnitCode, r.State.ToString(), r.SentAt, r.Late))];
    }

    public async ValueTask<SubmissionStatus> Handle(GetSubmissionState query, CancellationToken cancellationToken)
    {
        var formCode = query.FormCode.Trim().ToUpperInvariant();
        var unitCode = query.UnitCode.Trim().ToUpperInvariant();
        var period = query.Period.Trim().ToUpperInvariant();
        var submission = await db.Submissions.AsNoTracking()
            .Where(s => s.FormCode == formCode && s.UnitCode == unitCode && s.Period == period)
            .Select(s => new { s.State, s.Reason })
            .SingleOrDefaultAsync(cancellationToken);
        var state = submission?.State ?? SubmissionState.Draft;
        return new SubmissionStatus(state.ToString(), SubmissionStateMachine.AllowsEntry(state), submission?.Reason);
    }
}
