using Mapster;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// The submissions a user may see (their units' for entering or approving; province administrators see all),
/// filtered by period, unit and state — e.g. the approver's inbox is state=Submitted. One submission's
/// cell-level differences from its last approved version show the approver what changed.
/// </summary>
internal static class ListSubmissions
{
    internal sealed record Query(string? Period, string? UnitCode, string? State) : IQuery<Result<IReadOnlyList<ActOnSubmission.SubmissionView>>>;

    internal sealed record Diff(string FormCode, string UnitCode, string Period) : IQuery<Result<IReadOnlyList<CellChange>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ApproveData;
        string? IRequireAccess.UnitCode => Codes.Normalize(UnitCode);
        string? IRequireAccess.FormCode => Codes.Normalize(FormCode);
    }

    /// <param name="Approved">The value in the last approved version, or null when the cell is new.</param>
    internal sealed record CellChange(string Indicator, string Column, string Disaggregation, decimal? Approved, string? ApprovedText, decimal? Current, string? CurrentText);

    internal sealed class Handler(WorkflowDbContext db, ISender sender)
        : IQueryHandler<Query, Result<IReadOnlyList<ActOnSubmission.SubmissionView>>>, IQueryHandler<Diff, Result<IReadOnlyList<CellChange>>>
    {
        public async ValueTask<Result<IReadOnlyList<ActOnSubmission.SubmissionView>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var submissions = db.Submissions.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Period))
                submissions = submissions.Where(s => s.Period == query.Period.Trim().ToUpper());
            if (!string.IsNullOrWhiteSpace(query.UnitCode))
                submissions = submissions.Where(s => s.UnitCode == query.UnitCode.Trim().ToUpper());
            if (!string.IsNullOrWhiteSpace(query.State))
            {
                if (!Enum.TryParse<SubmissionState>(query.State, true, out var state))
                    return Result<IReadOnlyList<ActOnSubmission.SubmissionView>>.Invalid("Trạng thái là một trong: Draft, Submitted, Approved, Returned, Reopened.", "state");
                submissions = submissions.Where(s => s.State == state);
            }
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ApproveData), cancellationToken))
            {
                var units = (await sender.Send(new GetUnitCodesInScope(Permissions.EnterData), cancellationToken))
                    .Concat(await sender.Send(new GetUnitCodesInScope(Permissions.ApproveData), cancellationToken)).Distinct().ToList();
                submissions = submissions.Where(s => units.Contains(s.UnitCode));
            }
            var found = await submissions.OrderBy(s => s.Period).ThenBy(s => s.FormCode).ThenBy(s => s.UnitCode).Take(5000)
                .ProjectToType<ActOnSubmission.SubmissionView>(WorkflowMappings.Config).ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<ActOnSubmission.SubmissionView>>(found);
        }

        public async ValueTask<Result<IReadOnlyList<CellChange>>> Handle(Diff query, CancellationToken cancellationToken)
        {
            var formCode = Codes.Normalize(query.FormCode);
            var unitCode = Codes.Normalize(query.UnitCode);
            var period = Codes.Normalize(query.Period);
            var values = await sender.Send(new GetFormValues(formCode, unitCode, period), cancellationToken);
            if (values is null)
                return Result<IReadOnlyList<CellChange>>.NotFound($"Đơn vị {unitCode} không báo cáo biểu mẫu {formCode} trong kỳ {period}.");
            var approved = await Approved.LatestAsync(db, formCode, unitCode, period, cancellationToken);
            var current = values.Values.ToDictionary(v => (v.Indicator, v.Column, v.Disaggregation));
            var keys = current.Keys.Union(approved.Where(a => a.Value.Number is not null || a.Value.Text is not null).Select(a => a.Key));
            return Result.Ok<IReadOnlyList<CellChange>>([.. keys
                .Select(k => (Key: k, Old: approved.GetValueOrDefault(k), New: current.GetValueOrDefault(k)))
                .Where(x => x.Old?.Number != x.New?.Number || x.Old?.Text != x.New?.Text)
                .OrderBy(x => x.Key.Indicator).ThenBy(x => x.Key.Column).ThenBy(x => x.Key.Disaggregation)
                .Select(x => new CellChange(x.Key.Indicator, x.Key.Column, x.Key.Disaggregation, x.Old?.Number, x.Old?.Text, x.New?.Number, x.New?.Text))]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var submissions = app.MapGroup("/api/workflow/submissions").WithTags("Duyệt số liệu");
            submissions.MapGet("", async (string? period, string? unitCode, string? state, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(period, unitCode, state), ct)).ToHttpResult())
                .WithSummary("Số liệu trình duyệt trong phạm vi của bạn (lọc theo kỳ, đơn vị, trạng thái)");
            submissions.MapGet("/{formCode}/{unitCode}/{period}/diff", async (string formCode, string unitCode, string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Diff(formCode, unitCode, period), ct)).ToHttpResult())
                .WithSummary("Các ô khác với lần duyệt trước");
        }
    }
}
