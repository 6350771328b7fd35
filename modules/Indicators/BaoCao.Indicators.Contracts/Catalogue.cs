using Mediator;

namespace BaoCao.Indicators.Contracts;

/// <summary>Where an indicator stands in the catalogue. Stored and answered by name: do not rename the members.</summary>
public enum IndicatorStatus { Draft, Active, Retired }

/// <summary>What an indicator's values are. Stored and answered by name.</summary>
public enum IndicatorValueType { Integer, Decimal, Percent, Text, YesNo }

/// <summary>How values of several units add up (a province total from its departments or communes).</summary>
public enum UnitAggregation { Sum, Average, WeightedAverage, Min, Max, None }

/// <summary>How values of several periods add up (a year from its months; year to date).</summary>
public enum TimeAggregation { Sum, Average, LastValue, None }

/// <summary>Indicators of the catalogue as they were on <paramref name="AsOf"/> (today when null): all of them, or those
/// with <paramref name="Codes"/>. Retired indicators are included with their last version.</summary>
public sealed record GetIndicators(IReadOnlyCollection<string>? Codes = null, DateOnly? AsOf = null) : IQuery<IReadOnlyList<IndicatorInfo>>;

/// <param name="Version">The number of the version in force on the day asked; data entered keeps it.</param>
/// <param name="Disaggregations">The cells an entry has besides the total: every combination of the options of its
/// categories (empty when the indicator is not disaggregated).</param>
public sealed record IndicatorInfo(string Code, int Version, string Name, string ShortName, string UnitOfMeasure, IndicatorValueType ValueType,
    int Precision, UnitAggregation AcrossUnits, string? WeightIndicator, TimeAggregation OverTime, string OwnerUnit, IReadOnlyList<string> Groups,
    IndicatorStatus Status, string? Formula, IReadOnlyList<Disaggregation> Disaggregations)
{
    public bool IsComputed => Formula is not null;

    /// <summary>The value of a parent unit from its sub-units' values under <see cref="AcrossUnits"/> (Sum, Average,
    /// WeightedAverage by <see cref="WeightIndicator"/>, Min, Max; None gives nothing). Sub-units without a value are
    /// left out; a weighted average leaves out those without a weight. Null when nothing is left.</summary>
    public decimal? CombineAcrossUnits(IEnumerable<(decimal? Value, decimal? Weight)> subUnits)
    {
        var values = subUnits.Where(v => v.Value is not null).ToList();
        if (values.Count == 0)
            return null;
        switch (AcrossUnits)
        {
            case UnitAggregation.Sum: return values.Sum(v => v.Value!.Value);
            case UnitAggregation.Average: return values.Average(v => v.Value!.Value);
            case UnitAggregation.Min: return values.Min(v => v.Value!.Value);
            case UnitAggregation.Max: return values.Max(v => v.Value!.Value);
            case UnitAggregation.WeightedAverage:
                var weighted = values.Where(v => v.Weight is > 0).ToList();
                var weight = weighted.Sum(v => v.Weight!.Value);
                return weight == 0 ? null : weighted.Sum(v => v.Value!.Value * v.Weight!.Value) / weight;
            default: return null;
        }
    }

    /// <summary>The value over several periods, in order, under <see cref="OverTime"/> (Sum, Average, LastValue; None
    /// gives nothing). Null when there is no value.</summary>
    public decimal? CombineOverTime(IReadOnlyList<decimal> periods) => periods.Count == 0 ? null : OverTime switch
    {
        TimeAggregation.Sum => periods.Sum(),
        TimeAggregation.Average => periods.Average(),
        TimeAggregation.LastValue => periods[^1],
        _ => null,
    };
}

/// <param name="Code">Option codes joined by '.', e.g. NAM.TT.</param>
/// <param name="Name">Option names joined by ', ', e.g. "Nam, Thành thị".</param>
public sealed record Disaggregation(string Code, string Name);

/// <summary>A computed value: the number, or null with the reason; and the inputs that fed it (lineage).</summary>
public sealed record FormulaResult(decimal? Value, string? Reason, IReadOnlyList<string> Inputs);

/// <summary>Evaluates a formula on the values passed in (keys CODE, CODE@prev, CODE@lastyear, CODE@ytd). Exact decimal
/// arithmetic; a formula that does not parse gives a null value with the syntax error as the reason.</summary>
public sealed record EvaluateFormula(string Formula, IReadOnlyDictionary<string, decimal?> Values) : IQuery<FormulaResult>;

/// <summary>Compiles one formula for repeated evaluation (a form's computed columns, e.g. <c>[V] / [V@lastyear] * 100</c>);
/// null when it does not parse.</summary>
public sealed record CompileFormula(string Formula) : IQuery<ComputedIndicator?>;

/// <summary>The computed indicators in force on <paramref name="AsOf"/>, compiled once, to evaluate for many units
/// (dashboards, report roll-ups, form columns) without parsing again.</summary>
/// <summary>The codes and every input their formulas read, to any depth (an input computed from others brings those
/// too), so a caller gathering values for them gathers all the formulas need.</summary>
public sealed record ExpandFormulaInputs(IReadOnlyCollection<string> Codes, DateOnly AsOf) : IQuery<IReadOnlyList<string>>;

public sealed record CompileComputedIndicators(DateOnly AsOf, IReadOnlyCollection<string>? Codes = null) : IQuery<IReadOnlyList<ComputedIndicator>>;

/// <param name="Inputs">The input keys the formula reads, in order.</param>
public sealed record ComputedIndicator(string Code, string Formula, IReadOnlyList<string> Inputs,
    Func<IReadOnlyDictionary<string, decimal?>, FormulaResult> Evaluate);

/// <summary>The active validation rules that read any of <paramref name="Codes"/> (all when null), run on the values of one
/// unit and period. Rules whose inputs are missing do not apply.</summary>
public sealed record CheckDataRules(IReadOnlyDictionary<string, decimal?> Values, IReadOnlyCollection<string>? Codes = null)
    : IQuery<IReadOnlyList<RuleViolation>>;

/// <param name="Importance">High (blocks submission), Medium or Low (warnings).</param>
public sealed record RuleViolation(string RuleCode, string Name, string Importance, string Message, decimal Left, string Operator, decimal Right);

/// <summary>An outlier hint for a value against the unit's own history of the same indicator (median and MAD); null
/// when the value is plausible or the history has fewer than 5 values.</summary>
public sealed record CheckOutlier(decimal Value, IReadOnlyList<decimal> History) : IQuery<OutlierHintInfo?>;

public sealed record OutlierHintInfo(decimal Median, decimal Score, string Message);

/// <summary>The names of the units of measure by code ("TY_DONG" → "tỷ đồng").</summary>
public sealed record ListUnitsOfMeasure : IQuery<IReadOnlyDictionary<string, string>>;
