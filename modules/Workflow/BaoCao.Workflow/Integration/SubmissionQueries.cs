using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>Answers other modules' questions about approval (Workflow's Contracts).</summary>
internal sealed class SubmissionQueries(WorkflowDbContext db) : IQueryHandler<GetSubmissionState, SubmissionStatus>
{
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
