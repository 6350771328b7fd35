using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Integration;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Forms.Features;

/// <summary>
/// Opens one form of one unit for one period to work on: the design in force, the values entered so far, and what the
/// computed cells need (last year, previous period, earlier periods of the year, formulas). Also a cell's history and
/// the hints shown while typing: the data checks and whether a value is far from the unit's own past.
/// </summary>
internal static class OpenFormSheet
{
    internal sealed record Query(string FormCode, string UnitCode, string Period) : IQuery<Result<Opened>>;

    /// <param name="State">The approval state (Draft, Submitted, Approved, Returned, Reopened) and, when returned or reopened, why.</param>
    internal sealed record Opened(string FormCode, string FormName, int FormVersion, string UnitCode, string UnitName, string Period, PeriodInfo PeriodInfo,
        IReadOnlyList<BrowseForms.SectionView> Sections, FormSheet Sheet, bool CanEdit, Workflow.Contracts.SubmissionState State, string? Reason);

    internal sealed record History(CellKey Cell, string FormCode, string UnitCode, string Period) : IQuery<Result<IReadOnlyList<Change>>>;

    internal sealed record Change(string? Before, string? After, string? Comment, DateTimeOffset At, string By, string Source);

    internal sealed record Hints(string FormCode, string UnitCode, string Period, IReadOnlyDictionary<string, decimal?> Totals, IReadOnlyList<CellKey> Cells)
        : IQuery<Result<HintSet>>;

    internal sealed record HintSet(IReadOnlyList<RuleViolation> Violations, IReadOnlyDictionary<CellKey, string> Outliers);

    /// <summary>The % columns, as formulas of the Indicators engine (exact decimals, a named reason for a missing input).</summary>
    internal static async Task<ComputedIndicator> PercentOfLastYearAsync(ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new CompileFormula("[V] / [V@lastyear] * 100"), cancellationToken))!;

    internal static async Task<ComputedIndicator> PercentOfPlanAsync(ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new CompileFormula("[V] / [PLAN] * 100"), cancellationToken))!;

    internal sealed class Handler(FormsDbContext db, FormCache forms, ISender sender)
        : IQueryHandler<Query, Result<Opened>>, IQueryHandler<History, Result<IReadOnlyList<Change>>>, IQueryHandler<Hints, Result<HintSet>>
    {
        public async ValueTask<Result<Opened>> Handle(Query query, CancellationToken cancellationToken)
        {
            var formCode = Codes.Normalize(query.FormCode);
            var unitCode = Codes.Normalize(query.UnitCode);
            var canEdit = await sender.Send(new CheckAccess(Permissions.EnterData, unitCode, formCode), cancellationToken);
            if (!canEdit && !await sender.Send(new CheckAccess(Permissions.ApproveData, unitCode, formCode), cancellationToken))
                return Result<Opened>.Forbidden("Bạn không có quyền với biểu mẫu này của đơn vị này.");
            var resolved = await EntryTarget.ResolveAsync(db, forms, sender, formCode, unitCode, query.Period.Trim(), cancellationToken);
            if (resolved.IsFailure)
                return Result<Opened>.From(resolved);
            var target = resolved.Value!;
            var related = (await sender.Send(new GetRelatedPeriods(target.Period.Code), cancellationToken))!;
            // This period is the working copy being entered; the history columns (same period last year, previous period,
            // earlier periods of the year) are the unit's approved figures whatever form they were entered on — the
            // figures the report table and the dashboards show — never drafts.
            var history = related.YearToDate.Where(p => p != target.Period.Code).Append(related.SameLastYear).Append(related.Previous ?? "").Distinct().ToList();
            var approved = await sender.Send(new Workflow.Contracts.ReadApprovedFigures(unitCode, [.. target.Indicators.Keys], history), cancellationToken);
            Dictionary<(string, string), decimal> Totals(string? period) => approved.Where(v => v.Period == period)
                .ToDictionary(v => (v.Indicator, v.Disaggregation), v => v.Number);
            var earlier = approved.Where(v => v.Period != target.Period.Code && related.YearToDate.Contains(v.Period))
                .GroupBy(v => (v.Indicator, v.Disaggregation))
                .ToDictionary(g => g.Key, g => (IReadOnlyList<decimal>)[.. g.OrderBy(v => v.Period, StringComparer.Ordinal).Select(v => v.Number)]);
            var values = await db.DataValues.AsNoTracking()
                .Where(v => v.FormCode == formCode && v.UnitCode == unitCode && v.Period == target.Period.Code)
                .ToListAsync(cancellationToken);
            var computed = (await sender.Send(new CompileComputedIndicators(target.Period.Start, [.. target.Indicators.Keys]), cancellationToken)).ToDictionary(c => c.Code);
            var sheet = new FormSheet(target.Version.Layout, target.Indicators,
                values.Where(v => v.Period == target.Period.Code).Select(v => new StoredCell(new CellKey(v.Indicator, v.Column, v.Disaggregation),
                    v.Number, v.Text, v.Comment, v.Version)),
                Totals(related.SameLastYear), Totals(related.Previous), earlier, computed,
                await PercentOfLastYearAsync(sender, cancellationToken), await PercentOfPlanAsync(sender, cancellationToken), related.YearToDate.Count);
            var unit = await sender.Send(new FindUnit(unitCode), cancellationToken);
            var status = await sender.Send(new Workflow.Contracts.GetSubmissionState(formCode, unitCode, target.Period.Code), cancellationToken);
            var sections = await BrowseForms.SectionsAsync(sender, target.Version.Layout, target.Period.Start, cancellationToken);
            return new Opened(formCode, target.Form.Name, target.Version.Number, unitCode, unit?.Name ?? unitCode, target.Period.Code, target.Period,
                sections, sheet, canEdit && status.EntryOpen, status.State, status.Reason);
        }

        public async ValueTask<Result<IReadOnlyList<Change>>> Handle(History query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckAccess(Permissions.EnterData, query.UnitCode, query.FormCode), cancellationToken)
                && !await sender.Send(new CheckAccess(Permissions.ApproveData, query.UnitCode, query.FormCode), cancellationToken))
                return Result<IReadOnlyList<Change>>.Forbidden("Bạn không có quyền với biểu mẫu này của đơn vị này.");
            var changes = await (from value in db.DataValues
                                 join change in db.DataValueChanges on value.Id equals change.DataValueId
                                 where value.FormCode == query.FormCode && value.UnitCode == query.UnitCode && value.Period == query.Period
                                       && value.Indicator == query.Cell.Indicator && value.Column == query.Cell.Column && value.Disaggregation == query.Cell.Disaggregation
                                 select new Change(change.Before, change.After, change.Comment, change.At, change.By, change.Source))
                .ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<Change>>([.. changes.OrderByDescending(c => c.At)]);
        }

        public async ValueTask<Result<HintSet>> Handle(Hints query, CancellationToken cancellationToken)
        {
            var violations = await sender.Send(new CheckDataRules(query.Totals, [.. query.Totals.Keys]), cancellationToken);
            // The unit's own history of each cell: the same form's values over the twelve periods before this one.
            var periods = new List<string>();
            for (var period = query.Period; periods.Count < 12 && (await sender.Send(new GetRelatedPeriods(period), cancellationToken))?.Previous is { } previous; period = previous)
                periods.Add(previous);
            var cells = query.Cells.Where(c => c.Column == "current").ToList();
            var indicators = cells.Select(c => c.Indicator).Distinct().ToList();
            var history = await db.DataValues.AsNoTracking()
                .Where(v => v.FormCode == query.FormCode && v.UnitCode == query.UnitCode && v.Column == "current" && periods.Contains(v.Period) && indicators.Contains(v.Indicator))
                .Select(v => new { v.Indicator, v.Disaggregation, v.Number })
                .ToListAsync(cancellationToken);
            var outliers = new Dictionary<CellKey, string>();
            foreach (var cell in cells)
            {
                if (query.Totals.GetValueOrDefault(cell.Indicator) is not { } value || cell.Disaggregation.Length > 0)
                    continue;
                var past = history.Where(h => h.Indicator == cell.Indicator && h.Disaggregation == cell.Disaggregation && h.Number is not null).Select(h => h.Number!.Value).ToList();
                if (await sender.Send(new CheckOutlier(value, past), cancellationToken) is { } hint)
                    outliers[cell] = hint.Message;
            }
            return new HintSet(violations, outliers);
        }
    }
}
