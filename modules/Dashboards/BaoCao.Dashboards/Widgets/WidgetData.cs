using BaoCao.Dashboards.Domain;

namespace BaoCao.Dashboards.Widgets;

/// <summary>What a viewer chose: the period range, the unit whose subtree is shown, and an indicator group.</summary>
internal sealed record DashboardFilters(string? From, string? To, string? Unit, string? Group);

internal sealed record DashboardData(string Code, string Title, string? Description, string Audience, string UnitCode, string PeriodKind,
    string From, string To, string Unit, string? Group, IReadOnlyList<UnitOption> Units, IReadOnlyList<string> Groups, IReadOnlyList<WidgetData> Widgets);

internal sealed record UnitOption(string Code, string Name);

/// <summary>
/// One widget's figures as a grid: columns (periods, or the one latest period of a bar chart) and rows (indicators or
/// units, or the reporting states of a completeness widget). Charts, tables and the .xlsx/.csv exports all read this.
/// </summary>
/// <param name="ColumnLabels">Vietnamese period labels ("T10/2026", "Quý 3/2026").</param>
/// <param name="Kpi">The KPI tile's value against the same period last year.</param>
/// <param name="Note">Why a widget shows nothing (no figures, not in scope, filtered out by the group).</param>
internal sealed record WidgetData(int Index, WidgetKind Kind, string Title, string? UnitOfMeasure, int Precision, IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnLabels, IReadOnlyList<WidgetRow> Rows, KpiFigure? Kpi, string? Note);

/// <param name="Partial">Per value, "2/3" where a combined period's figure lacks parts (null where complete); null when none does.</param>
internal sealed record WidgetRow(string Code, string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<string?>? Partial = null)
{
    /// <summary>A row of figures rounded to the indicator's precision (the edge: charts, tables and exports read it).</summary>
    public static WidgetRow Of(string code, string label, Projection.Figure[] figures, int precision) =>
        new(code, label, [.. figures.Select(f => SharedKernel.Text.Decimals.Round(f.Value, precision))],
            figures.Any(Shows) ? [.. figures.Select(f => Shows(f) ? $"{f.Present}/{f.Expected}" : null)] : null);

    private static bool Shows(Projection.Figure f) => f.Value is not null && !f.Complete;
}

/// <param name="Partial">"2/3" when the period's figure lacks parts.</param>
internal sealed record KpiFigure(string Period, string PeriodLabel, decimal? Value, string LastYearLabel, decimal? LastYear, decimal? ChangePercent, string? Partial = null);
