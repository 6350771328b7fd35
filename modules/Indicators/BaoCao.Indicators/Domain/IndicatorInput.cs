namespace BaoCao.Indicators.Domain;

/// <summary>An indicator as an administrator or a file states it, before it is checked against the catalogue. Choices
/// may be English codes or Vietnamese names (<see cref="Labels"/>).</summary>
internal sealed record IndicatorInput(
    string? Code, string? Name, string? ShortName, string? Description, string? Method, string? UnitOfMeasure, string? ValueType,
    int? Precision, string? AggregationAcrossUnits, string? WeightIndicator, string? AggregationOverTime, string? OwnerUnit,
    IReadOnlyList<string>? Groups, IReadOnlyList<string>? Disaggregations, string? Formula)
{
    public static IndicatorInput From(string code, IndicatorDefinition d) => new(code, d.Name, d.ShortName, d.Description, d.Method,
        d.UnitOfMeasure, d.ValueType.ToString(), d.Precision, d.AcrossUnits.ToString(), d.WeightIndicator, d.OverTime.ToString(),
        d.OwnerUnit, d.GroupCodes, d.CategoryCodes, d.Formula);
}
