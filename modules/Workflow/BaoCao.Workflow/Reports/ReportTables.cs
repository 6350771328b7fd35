using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Reports;

/// <summary>
/// Assembles the table part of a report from approved data only: the unit's own values, the roll-up of its
/// sub-units' values, or — for a successor — its own values consolidated with those of the units merged into it, each
/// predecessor counting for the periods that began on or before its last day (so a year-to-date or last-year column
/// continues the predecessors' series). A roll-up takes, for each sub-unit that existed during the period, its own approved value or
/// else the roll-up of its own sub-units, and combines them with the indicator's rule across units (sum, average,
/// weighted average, min, max). Computed indicators and the % and year-to-date columns are then computed from those
/// totals by Forms' sheet, so a ratio of a roll-up is the ratio of the summed inputs, never a sum of ratios.
/// Only totals are shown; disaggregations stay in the data forms.
/// </summary>
internal sealed class ReportTables(WorkflowDbContext db, ISender sender)
{
    public async Task<IReadOnlyList<ReportTablePart>> AssembleAsync(RegimeInfo regime, string unitCode, PeriodInfo period, ReportSource source,
        CancellationToken cancellationToken)
    {
        var related = await sender.Send(new GetRelatedPeriods(period.Code), cancellationToken);
        var earlier = related?.YearToDate.Where(p => p != period.Code).ToList() ?? [];
        var periods = new HashSet<string>([period.Code, .. earlier]);
        if (related is not null)
        {
            periods.Add(related.SameLastYear);
            if (related.Previous is { } previous)
                periods.Add(previous);
        }

        var indicators = await IndicatorsReadAsync(regime, period.Start, cancellationToken);
        var wanted = indicators.Keys.ToList();
        var units = await sender.Send(new ListAllUnits(), cancellationToken);
        var predecessors = source == ReportSource.Consolidated ? Predecessors(units, unitCode) : [];
        var reporting = Reporting(units, unitCode, period, source, predecessors);
        // Which predecessors count for which period: those whose last day the period had not passed when it began.
        var starts = new Dictionary<string, DateOnly>();
        if (predecessors.Count > 0)
            foreach (var code in periods)
                if ((await sender.Send(new ListPeriods(code, code), cancellationToken))?.SingleOrDefault() is { } span)
                    starts[code] = span.Start;
        // The approved store by indicator and unit, whatever form the figure was entered on: the grid's history columns
        // and the dashboards read the same figures.
        var approved = (await Approved.FiguresAsync(db, reporting, wanted, periods, ["current", "plan"], totalsOnly: true, cancellationToken))
            .ToDictionary(v => (v.Key.UnitCode, v.Key.Period, v.Key.Indicator, v.Key.Column), v => v.Value);

        var roll = new RollUp(units, approved, indicators, period);
        decimal? Own(string unit, string p, string indicator, string column) => approved.TryGetValue((unit, p, indicator, column), out var own) ? own : null;
        decimal? Consolidated(string p, string indicator, string column)
        {
            var info = indicators[indicator];
            var contributors = predecessors.Where(u => starts.TryGetValue(p, out var start) && start <= u.ValidTo).Select(u => u.Code).Prepend(unitCode);
            var parts = contributors.Select(u => (Value: Own(u, p, indicator, column),
                Weight: info.WeightIndicator is { } weight && indicators.ContainsKey(weight) ? Own(u, p, weight, column) : null)).Where(v => v.Value is not null).ToList();
            // One unit with a figure: that figure (as in the dashboards' roll-up), whatever the rule across units.
            return parts.Count switch { 0 => null, 1 => parts[0].Value, _ => info.CombineAcrossUnits(parts) };
        }
        Dictionary<string, decimal> Values(string? p, string column)
        {
            var result = new Dictionary<string, decimal>();
            if (p is null)
                return result;
            foreach (var code in indicators.Keys)
            {
                if (source switch
                    {
                        ReportSource.Own => Own(unitCode, p, code, column),
                        ReportSource.Consolidated => Consolidated(p, code, column),
                        _ => roll.Of(unitCode, p, code, column),
                    } is { } value)
                    result[code] = value;
            }
            return result;
        }

        var current = Values(period.Code, "current");
        var earlierValues = earlier.Select(p => Values(p, "current")).ToList();
        var earlierByIndicator = indicators.Keys.ToDictionary(code => code,
            code => (IReadOnlyList<decimal>)[.. earlierValues.Where(v => v.ContainsKey(code)).Select(v => v[code])]);
        var notes = new List<string>();
        if (source == ReportSource.SubUnits)
        {
            var children = Children(units, unitCode, period).ToList();
            var silent = children.Where(c => !approved.Keys.Any(k => k.UnitCode == c.Code && k.Period == period.Code)).Select(c => c.Name).ToList();
            notes.Add($"Tổng hợp từ số liệu đã duyệt của {children.Count - silent.Count}/{children.Count} đơn vị trực thuộc.");
            if (silent.Count > 0)
                notes.Add($"Chưa có số liệu đã duyệt: {string.Join(", ", silent)}.");
        }
        else if (source == ReportSource.Consolidated)
        {
            notes.Add(predecessors.Count == 0
                ? "Không có đơn vị nào đã hợp nhất vào đơn vị: chỉ có số liệu đã duyệt của đơn vị."
                : $"Số liệu đã duyệt của đơn vị cộng với của {string.Join(", ", predecessors.Select(u => $"{u.Name} (đến hết ngày {u.ValidTo:dd/MM/yyyy})"))} — mỗi đơn vị đã hợp nhất chỉ tính các kỳ bắt đầu trước ngày hợp nhất.");
            if (current.Count == 0)
                notes.Add("Chưa có số liệu đã duyệt trong kỳ này.");
        }
        else if (current.Count == 0)
            notes.Add("Chưa có số liệu đã duyệt của đơn vị trong kỳ này.");

        // Only what the unit (or one of its sub-units) reports: a department is not shown the tables of another's forms.
        var reported = (await sender.Send(new ListReportedIndicators(regime.Code, reporting, period.Start, period.End),
            cancellationToken)).ToHashSet();
        var tables = new List<ReportTablePart>();
        foreach (var table in regime.Tables.Select(t => t with { Indicators = [.. t.Indicators.Where(reported.Contains)] }).Where(t => t.Indicators.Count > 0))
        {
            var computed = await sender.Send(new ComputeTable(table.Indicators, table.Columns, period.Start, current, Values(period.Code, "plan"),
                Values(related?.SameLastYear, "current"), Values(related?.Previous, "current"), earlierByIndicator, related?.YearToDate.Count ?? 0), cancellationToken);
            tables.Add(new ReportTablePart(table.Title, table.Columns, computed.ColumnLabels,
                [.. computed.Rows.Select(r => new ReportTableRow(r.Indicator, r.Name, r.UnitOfMeasure, [.. r.Cells.Select(c => c.Value)], [.. r.Cells.Select(c => c.Reason)]))],
                notes));
        }
        return tables;
    }

    /// <summary>The forms of the regime assigned to the unit (or, for a roll-up, to its sub-units that existed in the
    /// period) whose data for the period is not approved: the table part would show their cells empty or stale.</summary>
    public async Task<IReadOnlyList<MissingApproval>> MissingApprovalsAsync(RegimeInfo regime, string unitCode, PeriodInfo period, ReportSource source,
        CancellationToken cancellationToken)
    {
        var units = await sender.Send(new ListAllUnits(), cancellationToken);
        // A predecessor owes this period's data only while it still existed in it.
        var reporting = Reporting(units, unitCode, period, source, [.. Predecessors(units, unitCode).Where(u => Existed(u, period))]);
        var assigned = await sender.Send(new ListAssignedForms(regime.Code, reporting, period.Start, period.End), cancellationToken);
        if (assigned.Count == 0)
            return [];
        var forms = assigned.Select(a => a.FormCode).Distinct().ToList();
        var states = await db.Submissions.AsNoTracking()
            .Where(s => s.Period == period.Code && forms.Contains(s.FormCode) && reporting.Contains(s.UnitCode))
            .ToDictionaryAsync(s => (s.FormCode, s.UnitCode), s => s.State, cancellationToken);
        var names = units.ToDictionary(u => u.Code, u => u.Name);
        return [.. assigned.Select(a => (Form: a, State: states.TryGetValue((a.FormCode, a.UnitCode), out var state) ? state : SubmissionState.Draft))
            .Where(a => a.State != SubmissionState.Approved)
            .Select(a => new MissingApproval(a.Form.FormCode, a.Form.FormName, a.Form.UnitCode, names.GetValueOrDefault(a.Form.UnitCode, a.Form.UnitCode),
                period.Code, SubmissionStateMachine.Label(a.State)))];
    }

    /// <summary>The table indicators, the inputs their formulas read (to any depth) and the weights of weighted averages.</summary>
    private async Task<Dictionary<string, IndicatorInfo>> IndicatorsReadAsync(RegimeInfo regime, DateOnly asOf, CancellationToken cancellationToken)
    {
        var codes = await sender.Send(new ExpandFormulaInputs([.. regime.Tables.SelectMany(t => t.Indicators).Distinct()], asOf), cancellationToken);
        var indicators = (await sender.Send(new GetIndicators([.. codes], asOf), cancellationToken)).ToDictionary(i => i.Code);
        var weights = indicators.Values.Select(i => i.WeightIndicator).OfType<string>().Where(w => !indicators.ContainsKey(w)).Distinct().ToList();
        if (weights.Count > 0)
            foreach (var weight in await sender.Send(new GetIndicators(weights, asOf), cancellationToken))
                indicators[weight.Code] = weight;
        return indicators;
    }

    private static List<string> Reporting(IReadOnlyList<UnitInfo> units, string unitCode, PeriodInfo period, ReportSource source, IReadOnlyList<UnitInfo> predecessors) =>
        source switch
        {
            ReportSource.Own => [unitCode],
            ReportSource.Consolidated => [unitCode, .. predecessors.Select(u => u.Code)],
            _ => Descendants(units, unitCode, period),
        };

    /// <summary>The units merged into <paramref name="successor"/>, and those merged into them, to any depth.</summary>
    private static List<UnitInfo> Predecessors(IReadOnlyList<UnitInfo> units, string successor)
    {
        var found = new List<UnitInfo>();
        var queue = new Queue<string>([successor]);
        while (queue.TryDequeue(out var code))
        {
            foreach (var merged in units.Where(u => u.SuccessorCode == code && u.ValidTo is not null && found.All(f => f.Code != u.Code)).OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                found.Add(merged);
                queue.Enqueue(merged.Code);
            }
        }
        return found;
    }

    private static bool Existed(UnitInfo unit, PeriodInfo period) => unit.ValidFrom <= period.End && (unit.ValidTo is null || unit.ValidTo >= period.Start);

    private static IEnumerable<UnitInfo> Children(IReadOnlyList<UnitInfo> units, string parent, PeriodInfo period) =>
        units.Where(u => u.ParentCode == parent && Existed(u, period)).OrderBy(u => u.Code, StringComparer.Ordinal);

    private static List<string> Descendants(IReadOnlyList<UnitInfo> units, string root, PeriodInfo period)
    {
        var found = new List<string>();
        var queue = new Queue<string>([root]);
        while (queue.TryDequeue(out var code))
        {
            foreach (var child in Children(units, code, period).Where(c => !found.Contains(c.Code)))
            {
                found.Add(child.Code);
                queue.Enqueue(child.Code);
            }
        }
        return found;
    }

    /// <summary>Roll-up values, memoised per (unit, period, indicator, column).</summary>
    private sealed class RollUp(IReadOnlyList<UnitInfo> units, Dictionary<(string, string, string, string), decimal> approved,
        IReadOnlyDictionary<string, IndicatorInfo> indicators, PeriodInfo period)
    {
        private readonly Dictionary<(string, string, string, string), decimal?> _memo = [];

        public decimal? Of(string unit, string p, string indicator, string column)
        {
            var key = (unit, p, indicator, column);
            if (_memo.TryGetValue(key, out var known))
                return known;
            var info = indicators[indicator];
            var values = Children(units, unit, period).Select(child => (
                OwnOrRolled(child.Code, p, indicator, column),
                info.WeightIndicator is { } weight && indicators.ContainsKey(weight) ? OwnOrRolled(child.Code, p, weight, column) : null));
            return _memo[key] = info.CombineAcrossUnits(values);
        }

        private decimal? OwnOrRolled(string unit, string p, string indicator, string column) =>
            approved.TryGetValue((unit, p, indicator, column), out var own) ? own : Of(unit, p, indicator, column);
    }
}
