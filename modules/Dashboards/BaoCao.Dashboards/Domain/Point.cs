namespace BaoCao.Dashboards.Domain;

/// <summary>
/// One figure of the aggregates read model: an indicator's value for a unit and period, either the unit's own approved
/// value (<see cref="Rolled"/> false) or its roll-up over the unit tree (true; kept only for units with sub-units).
/// Longer periods (a quarter from its months, a year from its quarters…) are combined over time when asked, from these.
/// </summary>
internal sealed class Point
{
    private Point() { }

    public Point(string indicator, string unitCode, string period, bool rolled, decimal value)
    {
        Indicator = indicator;
        UnitCode = unitCode;
        Period = period;
        Rolled = rolled;
        Value = value;
    }

    public string Indicator { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public bool Rolled { get; private set; }
    public decimal Value { get; set; }
}

/// <summary>A published figure (Đ4.4): the value as it stood when an administrator published the indicator's period;
/// public pages read only these, so a later correction is public only once published again.</summary>
internal sealed class PublishedPoint
{
    private PublishedPoint() { }

    public PublishedPoint(string indicator, string unitCode, string period, bool rolled, decimal value)
    {
        Indicator = indicator;
        UnitCode = unitCode;
        Period = period;
        Rolled = rolled;
        Value = value;
    }

    public string Indicator { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public bool Rolled { get; private set; }
    public decimal Value { get; private set; }
}

/// <summary>That an indicator's period is published, when and by whom (the public data page lists these).</summary>
internal sealed class Publication
{
    private Publication() { }

    public Publication(string indicator, string period, DateTimeOffset at, string by)
    {
        Indicator = indicator;
        Period = period;
        PublishedAt = at;
        PublishedBy = by;
    }

    public string Indicator { get; private set; } = "";
    public string Period { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public int Points { get; set; }
}

/// <summary>How far a projection has read the approved-value sequence; saved in the same transaction as what it wrote,
/// so a crash loses nothing and applies nothing twice.</summary>
internal sealed class Checkpoint
{
    public const string Aggregates = "aggregates";

    public string Name { get; set; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
