using BaoCao.SharedKernel.Pipeline;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>Answers other modules' questions about approval (Workflow's Contracts).</summary>
internal sealed class SubmissionQueries(WorkflowDbContext db, ISender sender)
    : IQueryHandler<GetSubmissionState, SubmissionStatus>, IQueryHandler<ListReportStatuses, IReadOnlyList<ReportStatus>>,
      IQueryHandler<CountSubmissions, IReadOnlyDictionary<string, int>>, IQueryHandler<CheckTrackingAccess, bool>,
      ICommandHandler<SubmitForApproval, SubmissionOutcome>, IQueryHandler<ReadApprovedFigures, IReadOnlyList<ApprovedFigure>>
{
    public async ValueTask<IReadOnlyList<ApprovedFigure>> Handle(ReadApprovedFigures query, CancellationToken cancellationToken) =>
        [.. (await Approved.FiguresAsync(db, [Codes.Normalize(query.UnitCode)], query.Indicators, query.Periods, ["current"], totalsOnly: false, cancellationToken))
            .Select(f => new ApprovedFigure(f.Key.Indicator, f.Key.Disaggregation, f.Key.Period, f.Value))];

    public async ValueTask<SubmissionOutcome> Handle(SubmitForApproval command, CancellationToken cancellationToken)
    {
        var submitted = await sender.TrySendAsync(new Features.ActOnSubmission.Command(command.FormCode, command.UnitCode, command.Period, SubmissionAction.Submit, null),
            cancellationToken);
        if (submitted.Value is { } view)
            return new SubmissionOutcome(Enum.Parse<SubmissionState>(view.State), null);
        var now = await Handle(new GetSubmissionState(command.FormCode, command.UnitCode, command.Period), cancellationToken);
        return now.State == SubmissionState.Submitted
            ? new SubmissionOutcome(now.State, null)
            : new SubmissionOutcome(now.State, string.Join(" ", submitted.Errors.Select(e => e.Message)));
    }

    public async ValueTask<bool> Handle(CheckTrackingAccess query, CancellationToken cancellationToken) =>
        await sender.Send(new Forms.Contracts.GetRegime(query.RegimeCode), cancellationToken) is { } regime
        && await Features.TrackReports.MayTrackAsync(sender, regime, cancellationToken);

    public async ValueTask<IReadOnlyDictionary<string, int>> Handle(CountSubmissions query, CancellationToken cancellationToken)
    {
        // Subjects are FORM/UNIT/PERIOD or REGIME/UNIT/PERIOD: the unit is the second part.
        var subjects = await db.Audit.AsNoTracking()
            .Where(e => (e.Kind == "submission.submit" || e.Kind == "report.send") && e.At >= query.From && e.At < query.To)
            .Select(e => e.Subject).ToListAsync(cancellationToken);
        return subjects.Select(s => s.Split('/')).Where(p => p.Length >= 2).GroupBy(p => p[1]).ToDictionary(g => g.Key, g => g.Count());
    }

    public async ValueTask<IReadOnlyList<ReportStatus>> Handle(ListReportStatuses query, CancellationToken cancellationToken)
    {
        var regime = Codes.Normalize(query.RegimeCode);
        var period = Codes.Normalize(query.Period);
        var reports = await db.Reports.AsNoTracking().Where(r => r.RegimeCode == regime && r.Period == period)
            .Select(r => new { r.UnitCode, r.State, r.SentAt, r.Late }).ToListAsync(cancellationToken);
        return [.. reports.Select(r => new ReportStatus(r.UnitCode, r.State, r.SentAt, r.Late))];
    }

    public async ValueTask<SubmissionStatus> Handle(GetSubmissionState query, CancellationToken cancellationToken)
    {
        var formCode = Codes.Normalize(query.FormCode);
        var unitCode = Codes.Normalize(query.UnitCode);
        var period = Codes.Normalize(query.Period);
        var submission = await db.Submissions.AsNoTracking()
            .Where(s => s.FormCode == formCode && s.UnitCode == unitCode && s.Period == period)
            .Select(s => new { s.State, s.Reason })
            .SingleOrDefaultAsync(cancellationToken);
        var state = submission?.State ?? SubmissionState.Draft;
        return new SubmissionStatus(state, SubmissionStateMachine.AllowsEntry(state), submission?.Reason);
    }
}
