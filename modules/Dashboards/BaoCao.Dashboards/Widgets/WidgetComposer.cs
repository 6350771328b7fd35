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
    public async Task<Result<DashboardData>> ComposeAsync(Dashboard dashboard, DashboardFilters filters, CancellationToken cancellationToken)
    {
        var tree = new UnitTree(await sender.Send(new ListAllUnits(), cancellationToken));
        var root = string.IsNullOrWhiteSpace(filters.Unit) ? dashboard.UnitCode : Codes.Normalize(filters.Unit);
        var subtree = tree.Subtree(dashboard.UnitCode).ToHashSet();
        if (!subtree.Contains(root))
            return Result<DashboardData>.Invalid($"Đơn vị '{filters.Unit}' không thuộc phạm vi của bảng điều khiển này.", "unit");

        var (from, to) = (filters.From, filters.To);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            // The latest complete period of the dashboard's kind that has figures the viewer may see, and as many before it
            // as the dashboard shows.
            var months = PeriodLabels.Months(dashboard.PeriodKind);
            var last = VietnamTime.Today(clock).AddMonths(-months);
            var indicatorCodes = dashboard.Widgets.SelectMany(w => w.Indicators).Distinct().ToList();
            var source = await scope.MaySeeApprovedAsync(dashboard.UnitCode, cancellationToken) ? FigureSource.Approved : FigureSource.Published;
            if (await reader.LatestDataAsync(indicatorCodes, source, cancellationToken) is { } latest && latest < last)
                last = latest;
            (from, to) = (PeriodLabels.CodeOf(dashboard.PeriodKind, last.AddMonths(-months * (dashboard.Periods - 1))), PeriodLabels.CodeOf(dashboard.PeriodKind, last));
        }
        var range = await Features.PeriodRange.ResolveAsync(sender, clock, from, to, cancellationToken);
        if (range.Error is { } error)
            return Result<DashboardData>.Invalid(error, range.Field);
        var spans = range.Spans;

        var codes = dashboard.Widgets.Where(w => w.Kind != WidgetKind.Completeness).SelectMany(w => w.Indicators).Distinct().ToList();
        var indicators = (await sender.Send(new GetIndicators(codes), cancellationToken)).ToDictionary(i => i.Code);
        var unitsOfMeasure = await sender.Send(new ListUnitsOfMeasure(), cancellationToken);
        var groups = indicators.Values.SelectMany(i => i.Groups).Distinct().Order(StringComparer.Ordinal).ToList();
        var group = string.IsNullOrWhiteSpace(filters.Group) ? null : Codes.Normalize(filters.Group);
        bool InGroup(IndicatorInfo i) => group is null || i.Groups.Any(g => g == group || g.StartsWith(group + ".", StringComparison.Ordinal));
        string Name(string unit) => tree.Units.TryGetValue(unit, out var u) ? u.Name : unit;

        var widgets = new List<WidgetData>();
        foreach (var (widget, index) in dashboard.Widgets.Select((w, i) => (w, i)))
        {
            var shown = widget.Indicators.Select(indicators.GetValueOrDefault).OfType<IndicatorInfo>().Where(InGroup).ToList();
            var labels = spans.Select(s => PeriodLabels.Of(s.Code)).ToList();
            var columns = spans.Select(s => s.Code).ToList();
            if (widget.Kind == WidgetKind.Completeness)
            {
                widgets.Add(await CompletenessAsync(widget, index, columns, labels, cancellationToken));
                continue;
            }
            if (shown.Count == 0)
            {
                widgets.Add(new WidgetData(index, widget.Kind, widget.Title, null, 0, columns, labels, [], null,
                    group is null ? "Chỉ số của tiện ích không còn trong hệ thống chỉ số." : "Không có chỉ số thuộc nhóm đã chọn."));
                continue;
            }
            var first = shown[0];
            var unitOfMeasure = unitsOfMeasure.GetValueOrDefault(first.UnitOfMeasure, first.UnitOfMeasure);
            switch (widget.Kind)
            {
                case WidgetKind.Kpi:
                {
                    var latest = spans[^1];
                    var related = await sender.Send(new GetRelatedPeriods(latest.Code), cancellationToken);
                    var lastYear = related is null ? null : await sender.Send(new ListPeriods(related.SameLastYear, related.SameLastYear), cancellationToken);
                    var figures = (await scope.ReadFiguresAsync(first, [root], [latest, .. lastYear ?? []], widget.Rollup, cancellationToken))[root];
                    var values = figures.Select(f => SharedKernel.Text.Decimals.Round(f.Value, first.Precision)).ToArray();
                    var change = values.Length > 1 && values[0] is { } now && values[1] is { } before && before != 0 ? Math.Round((now / before - 1) * 100, 1) : (decimal?)null;
                    var row = WidgetRow.Of(first.Code, first.Name, figures[..1], first.Precision);
                    widgets.Add(new WidgetData(index, widget.Kind, widget.Title, unitOfMeasure, first.Precision, [latest.Code], [labels[^1]],
                        [row],
                        new KpiFigure(latest.Code, labels[^1], values[0], lastYear is { Count: 1 } ? PeriodLabels.Of(lastYear[0].Code) : "", values.Length > 1 ? values[1] : null, change,
                            row.Partial?[0]),
                        values[0] is null ? "Chưa có số liệu được xem trong kỳ." : null));
                    break;
                }
                case WidgetKind.Line:
                {
                    var rows = new List<WidgetRow>();
                    foreach (var indicator in shown)
                        rows.Add(WidgetRow.Of(indicator.Code, indicator.Name, (await scope.ReadFiguresAsync(indicator, [root], spans, widget.Rollup, cancellationToken))[root], indicator.Precision));
                    widgets.Add(new WidgetData(index, widget.Kind, widget.Title, unitOfMeasure, first.Precision, columns, labels, rows, null, Empty(rows)));
                    break;
                }
                case WidgetKind.Bar:
                {
                    var latest = spans[^1];
                    var units = tree.ChildrenOf(root, latest.Start).Where(u => u.SuccessorCode != root).Select(u => u.Code).ToList();
                    if (units.Count == 0)
                        units.Add(root);
                    var values = await scope.ReadFiguresAsync(first, units, [latest], widget.Rollup, cancellationToken);
                    var rows = units.Select(u => WidgetRow.Of(u, Name(u), values[u], first.Precision)).Where(r => r.Values[0] is not null).OrderByDescending(r => r.Values[0]).ToList();
                    widgets.Add(new WidgetData(index, widget.Kind, widget.Title, unitOfMeasure, first.Precision, [latest.Code], [labels[^1]], rows, null, Empty(rows)));
                    break;
                }
                default: // table: one indicator by unit, or several indicators of the unit
                {
                    var rows = new List<WidgetRow>();
                    if (shown.Count == 1)
                    {
                        var units = new[] { root }.Concat(tree.ChildrenOf(root, spans[0].Start).Where(u => u.SuccessorCode != root).Select(u => u.Code)).ToList();
                        var values = await scope.ReadFiguresAsync(first, units, spans, widget.Rollup, cancellationToken);
                        rows.AddRange(units.Select(u => WidgetRow.Of(u, Name(u), values[u], first.Precision)).Where((r, i) => i == 0 || r.Values.Any(v => v is not null)));
                    }
                    else
                    {
                        foreach (var indicator in shown)
                            rows.Add(WidgetRow.Of(indicator.Code, $"{indicator.Name} ({unitsOfMeasure.GetValueOrDefault(indicator.UnitOfMeasure, indicator.UnitOfMeasure)})",
                                (await scope.ReadFiguresAsync(indicator, [root], spans, widget.Rollup, cancellationToken))[root], indicator.Precision));
                    }
                    widgets.Add(new WidgetData(index, widget.Kind, widget.Title, shown.Count == 1 ? unitOfMeasure : null, first.Precision, columns, labels, rows, null, Empty(rows)));
                    break;
                }
            }
        }
        var options = tree.Subtree(dashboard.UnitCode).Where(u => tree.Units[u].ValidTo is null || tree.Units[u].ValidTo >= spans[0].Start)
            .Select(u => new UnitOption(u, tree.Units[u].Name)).ToList();
        return new DashboardData(dashboard.Code, dashboard.Title, dashboard.Description, dashboard.Audience.ToString(), dashboard.UnitCode, dashboard.PeriodKind,
            spans[0].Code, spans[^1].Code, root, group, options, groups, widgets);
    }

    private static string? Empty(IReadOnlyList<WidgetRow> rows) =>
        rows.Any(r => r.Values.Any(v => v is not null)) ? null : "Chưa có số liệu được xem trong khoảng kỳ đã chọn.";

    private async Task<WidgetData> CompletenessAsync(Widget widget, int index, List<string> columns, List<string> labels, CancellationToken cancellationToken)
    {
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
