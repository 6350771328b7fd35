using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Dashboards.Domain;

/// <summary>Who sees a dashboard: a unit's leaders, a unit's officers (a department), everyone signed in across the
/// province, or the public (published data only, no sign-in).</summary>
internal enum Audience
{
    UnitLeaders,
    UnitOfficers,
    Province,
    Public,
}

internal enum WidgetKind
{
    Kpi,
    Line,
    Bar,
    Table,
    Completeness,
}

/// <param name="Indicators">Indicator codes shown (the KPI tile, bar chart and completeness use the first; a regime code for completeness).</param>
/// <param name="Rollup">Values include the sub-units (the unit's roll-up) rather than the unit's own approved values.</param>
internal sealed record Widget(WidgetKind Kind, string Title, IReadOnlyList<string> Indicators, bool Rollup = true, string? Regime = null);

/// <summary>A dashboard an administrator built: widgets over one period kind and a unit subtree, for an audience.</summary>
internal sealed class Dashboard : IVersioned
{
    private Dashboard() { }

    public Dashboard(string code) => Code = code;

    public string Code { get; private set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Audience Audience { get; set; }
    /// <summary>The unit whose leaders or officers see it (UnitLeaders, UnitOfficers), and the default root of the unit filter.</summary>
    public string UnitCode { get; set; } = "";
    /// <summary>Month, Quarter, HalfYear or Year: the period kind the widgets show by default.</summary>
    public string PeriodKind { get; set; } = "Month";
    /// <summary>How many periods, ending with the latest one, the widgets show by default.</summary>
    public int Periods { get; set; } = 12;
    public List<Widget> Widgets { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public long Version { get; set; }
}
