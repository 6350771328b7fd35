using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Projection;
using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Dashboards.Widgets;

/// <summary>
/// Computes a dashboard's widgets for a viewer and their filters, every figure through <see cref="ViewerScope"/> — so a
/// widget never shows a unit's unpublished figures to someone outside its scope, whoever built the dashboard.
/// </summary>
internal sealed class WidgetComposer(ISender sender, ViewerScope scope, SeriesReader reader, TimeProvider clock)
{
    /// <summary>What every widget of one composition shares: the unit tree and the unit shown, the periods (codes and
    /// their short names, the same range for every widget) and the catalogue's units of measure.</summary>
    private sealed record Frame(UnitTree Tree, string Root, IReadOnlyList<PeriodSpan> Spans, IReadOnlyList<string> Columns,
        IReadOnlyList<string> Labels, IReadOnlyDictionary<string, string> UnitsOfMeasure)
    {
        public string Name(string unit) => Tree.Units.TryGetValue(unit, out var u) ? u.Name : unit;

        public string UnitOfMeasure(IndicatorInfo indicator) => UnitsOfMeasure.GetValueOrDefault(indicator.UnitOfMeasure, indicator.UnitOfMeasure);

        /// <summary>The unit's sub-units on a day, without those merged into it (their figures are already its own).</summary>
        public List<string> ChildrenOf(string unit, DateOnly day) =>
            [.. Tree.ChildrenOf(unit, day).Where(u => u.SuccessorCode != unit).Select(u => u.Code)];
    }

    public async Task<Result<DashboardData>> ComposeAsync(Dashboard dashboard, DashboardFilters filters, CancellationToken cancellationToken)
    {
        var tree = new UnitTree(await sender.Send(new ListAllUnits(), cancellationToken));
        var root = string.IsNullOrWhiteSpace(filters.Unit) ? dashboard.UnitCode : Codes.Normalize(filters.Unit);
        if (!tree.Subtree(dashboard.UnitCode).Contains(root))
            return Result<DashboardData>.Invalid($"Đơn vị '{filters.Unit}' không thuộc phạm vi của bảng điều khiển này.", "unit");

        var (from, to) = string.IsNullOrWhiteSpace(filters.From) && string.IsNullOrWhiteSpace(filters.To)
            ? await DefaultRangeAsync(dashboard, cancellationToken)
            : (filters.From, filters.To);
        var range = await Features.PeriodRange.ResolveAsync(sender, clock, from, to, cancellationToken);
        if (range.Error is { } error)
            return Result<DashboardData>.Invalid(error, range.Field);
        var spans = range.Spans;

        var codes = dashboard.Widgets.Where(w => w.Kind != WidgetKind.Completeness).SelectMany(w => w.Indicators).Distinct().ToList();
        var indicators = (await sender.Send(new GetIndicators(codes), cancellationToken)).ToDictionary(i => i.Code);
        var groups = indicators.Values.SelectMany(i => i.Groups).Distinct().Order(StringComparer.Ordinal).ToList();
        var group = string.IsNullOrWhiteSpace(filters.Group) ? null : Codes.Normalize(filters.Group);
        bool InGroup(IndicatorInfo i) => group is null || i.Groups.Any(g => g == group || g.StartsWith(group + ".", StringComparison.Ordinal));
        var frame = new Frame(tree, root, spans, [.. spans.Select(s => s.Code)], [.. spans.Select(s => PeriodNames.Short(s.Code))],
            await sender.Send(new ListUnitsOfMeasure(), cancellationToken));

        var widgets = new List<WidgetData>();
        foreach (var (widget, index) in dashboard.Widgets.Select((w, i) => (w, i)))
        {
            var shown = widget.Indicators.Select(indicators.GetValueOrDefault).OfType<IndicatorInfo>().Where(InGroup).ToList();
            widgets.Add(widget.Kind == WidgetKind.Completeness ? await CompletenessAsync(widget, index, frame, cancellationToken)
                : shown.Count == 0 ? new WidgetData(index, widget.Kind, widget.Title, null, 0, frame.Columns, frame.Labels, [], null,
                    group is null ? "Chỉ số của tiện ích không còn trong hệ thống chỉ số." : "Không có chỉ số thuộc nhóm đã chọn.")
                : widget.Kind switch
                {
                    WidgetKind.Kpi => await KpiAsync(widget, index, shown[0], frame, cancellationToken),
                    WidgetKind.Line => await LineAsync(widget, index, shown, frame, cancellationToken),
                    WidgetKind.Bar => await BarAsync(widget, index, shown[0], frame, cancellationToken),
                    _ => await TableAsync(widget, index, shown, frame, cancellationToken),
                });
        }
        var options = tree.Subtree(dashboard.UnitCode).Where(u => tree.Units[u].ValidTo is null || tree.Units[u].ValidTo >= spans[0].Start)
            .Select(u => new UnitOption(u, tree.Units[u].Name)).ToList();
        return new DashboardData(dashboard.Code, dashboard.Title, dashboard.Description, dashboard.Audience.ToString(), dashboard.UnitCode, dashboard.PeriodKind,
            spans[0].Code, spans[^1].Code, root, group, options, groups, widgets);
    }

    /// <summary>The latest complete period of the dashboard's kind that has figures the viewer may see, and as many before
    /// it as the dashboard shows.</summary>
    private async Task<(string From, string To)> DefaultRangeAsync(Dashboard dashboard, CancellationToken cancellationToken)
    {
        var months = DashboardPeriods.Months(dashboard.PeriodKind);
        var last = VietnamTime.Today(clock).AddMonths(-months);
        var indicatorCodes = dashboard.Widgets.SelectMany(w => w.Indicators).Distinct().ToList();
        var source = await scope.MaySeeApprovedAsync(dashboard.UnitCode, cancellationToken) ? FigureSource.Approved : FigureSource.Published;
        if (await reader.LatestDataAsync(indicatorCodes, source, cancellationToken) is { } latest && latest < last)
            last = latest;
        return (DashboardPeriods.CodeOf(dashboard.PeriodKind, last.AddMonths(-months * (dashboard.Periods - 1))), DashboardPeriods.CodeOf(dashboard.PeriodKind, last));
    }

    /// <summary>The latest period of the range, with the same period last year and the change in per cent.</summary>
    private async Task<WidgetData> KpiAsync(Widget widget, int index, IndicatorInfo indicator, Frame frame, CancellationToken cancellationToken)
    {
        var latest = frame.Spans[^1];
        var related = await sender.Send(new GetRelatedPeriods(latest.Code), cancellationToken);
        var lastYear = related is null ? null : await sender.Send(new ListPeriods(related.SameLastYear, related.SameLastYear), cancellationToken);
        var figures = (await scope.ReadFiguresAsync(indicator, [frame.Root], [latest, .. lastYear ?? []], widget.Rollup, cancellationToken))[frame.Root];
        var values = figures.Select(f => SharedKernel.Text.Decimals.Round(f.Value, indicator.Precision)).ToArray();
        var change = values.Length > 1 && values[0] is { } now && values[1] is { } before && before != 0 ? Math.Round((now / before - 1) * 100, 1) : (decimal?)null;
        var row = WidgetRow.Of(indicator.Code, indicator.Name, figures[..1], indicator.Precision);
        return new WidgetData(index, widget.Kind, widget.Title, frame.UnitOfMeasure(indicator), indicator.Precision, [latest.Code], [frame.Labels[^1]], [row],
            new KpiFigure(latest.Code, frame.Labels[^1], values[0], lastYear is { Count: 1 } ? PeriodNames.Short(lastYear[0].Code) : "",
                values.Length > 1 ? values[1] : null, change, row.Partial?[0]),
            values[0] is null ? "Chưa có số liệu được xem trong kỳ." : null);
    }

    /// <summary>Each indicator of the unit over the range.</summary>
    private async Task<WidgetData> LineAsync(Widget widget, int index, IReadOnlyList<IndicatorInfo> shown, Frame frame, CancellationToken cancellationToken)
    {
        var rows = new List<WidgetRow>();
        foreach (var indicator in shown)
            rows.Add(WidgetRow.Of(indicator.Code, indicator.Name,
                (await scope.ReadFiguresAsync(indicator, [frame.Root], frame.Spans, widget.Rollup, cancellationToken))[frame.Root], indicator.Precision));
        return new WidgetData(index, widget.Kind, widget.Title, frame.UnitOfMeasure(shown[0]), shown[0].Precision, frame.Columns, frame.Labels, rows, null, Empty(rows));
    }

    /// <summary>The unit's sub-units (or the unit alone) in the latest period, largest first.</summary>
    private async Task<WidgetData> BarAsync(Widget widget, int index, IndicatorInfo indicator, Frame frame, CancellationToken cancellationToken)
    {
        var latest = frame.Spans[^1];
        var units = frame.ChildrenOf(frame.Root, latest.Start);
        if (units.Count == 0)
            units.Add(frame.Root);
        var values = await scope.ReadFiguresAsync(indicator, units, [latest], widget.Rollup, cancellationToken);
        var rows = units.Select(u => WidgetRow.Of(u, frame.Name(u), values[u], indicator.Precision)).Where(r => r.Values[0] is not null)
            .OrderByDescending(r => r.Values[0]).ToList();
        return new WidgetData(index, widget.Kind, widget.Title, frame.UnitOfMeasure(indicator), indicator.Precision, [latest.Code], [frame.Labels[^1]], rows, null, Empty(rows));
    }

    /// <summary>One indicator: the unit and its sub-units by period; several: the unit's indicators by period.</summary>
    private async Task<WidgetData> TableAsync(Widget widget, int index, IReadOnlyList<IndicatorInfo> shown, Frame frame, CancellationToken cancellationToken)
    {
        var first = shown[0];
        var rows = new List<WidgetRow>();
        if (shown.Count == 1)
        {
            var units = new[] { frame.Root }.Concat(frame.ChildrenOf(frame.Root, frame.Spans[0].Start)).ToList();
            var values = await scope.ReadFiguresAsync(first, units, frame.Spans, widget.Rollup, cancellationToken);
            rows.AddRange(units.Select(u => WidgetRow.Of(u, frame.Name(u), values[u], first.Precision)).Where((r, i) => i == 0 || r.Values.Any(v => v is not null)));
        }
        else
        {
            foreach (var indicator in shown)
                rows.Add(WidgetRow.Of(indicator.Code, $"{indicator.Name} ({frame.UnitOfMeasure(indicator)})",
                    (await scope.ReadFiguresAsync(indicator, [frame.Root], frame.Spans, widget.Rollup, cancellationToken))[frame.Root], indicator.Precision));
        }
        return new WidgetData(index, widget.Kind, widget.Title, shown.Count == 1 ? frame.UnitOfMeasure(first) : null, first.Precision, frame.Columns, frame.Labels,
            rows, null, Empty(rows));
    }

    private static string? Empty(IReadOnlyList<WidgetRow> rows) =>
        rows.Any(r => r.Values.Any(v => v is not null)) ? null : "Chưa có số liệu được xem trong khoảng kỳ đã chọn.";

    /// <summary>A regime's reports per period: sent on time, late, not sent, and the on-time rate (from Deadlines).</summary>
    private async Task<WidgetData> CompletenessAsync(Widget widget, int index, Frame frame, CancellationToken cancellationToken)
    {
        var (columns, labels) = (frame.Columns, frame.Labels);
        if (widget.Regime is null || await sender.Send(new GetRegime(widget.Regime), cancellationToken) is not { } regime)
            return new WidgetData(index, widget.Kind, widget.Title, null, 0, columns, labels, [], null, "Chế độ báo cáo của tiện ích không còn.");
        var figures = await sender.Send(new GetReportingCompleteness(regime.Code, columns), cancellationToken);
        decimal? Rate(PeriodCompleteness p) => p.Expected == 0 ? null : Math.Round(100m * p.OnTime / p.Expected, 1);
        IReadOnlyList<WidgetRow> rows =
        [
            new("onTime", "Gửi đúng hạn", [.. figures.Select(f => f.Expected == 0 ? (decimal?)null : f.OnTime)]),
            new("late", "Gửi muộn", [.. figures.Select(f => f.Expected == 0 ? (decimal?)null : f.Late)]),
            new("missing", "Chưa gửi", [.. figures.Select(f => f.Expected == 0 ? (decimal?)null : f.Missing)]),
            new("rate", "Tỷ lệ đúng hạn (%)", [.. figures.Select(Rate)]),
        ];
        return new WidgetData(index, widget.Kind, widget.Title, "báo cáo", 1, columns, labels, rows, null,
            figures.All(f => f.Expected == 0) ? $"Chưa có báo cáo nào phải gửi theo chế độ {regime.Name} trong các kỳ đã chọn." : null);
    }
}
