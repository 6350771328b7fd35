using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Text;

namespace BaoCao.Forms.Domain;

/// <summary>A cell's key: indicator, column ("current", "plan", …) and disaggregation ("" for the total).</summary>
internal readonly record struct CellKey(string Indicator, string Column, string Disaggregation);

/// <summary>What a cell shows: a number, a text, or nothing with the reason (a computed cell whose input is missing). A
/// number may carry a note on what it holds ("Lũy kế 9/10 kỳ có số liệu đã duyệt").</summary>
internal readonly record struct CellValue(decimal? Number, string? Text, string? Reason, string? Note = null)
{
    public static readonly CellValue Empty = new(null, null, null);
}

/// <summary>
/// One form for one unit and period as the officer sees it: entered values with their versions, values of the same
/// period last year, of the previous period and of the year so far, and everything computed from them — computed
/// indicator rows and computed columns, both evaluated by the Indicators engine. Changing an entered value updates the
/// computed cells at once; nothing here touches the database.
/// </summary>
internal sealed class FormSheet
{
    private readonly Dictionary<CellKey, StoredCell> _entered;
    private readonly IReadOnlyDictionary<(string Indicator, string Disaggregation), decimal> _lastYear;
    private readonly IReadOnlyDictionary<(string Indicator, string Disaggregation), decimal> _previous;
    private readonly IReadOnlyDictionary<(string Indicator, string Disaggregation), IReadOnlyList<decimal>> _earlierThisYear;
    private readonly IReadOnlyDictionary<string, ComputedIndicator> _computed;
    private readonly IReadOnlyDictionary<string, IndicatorInfo> _indicators;
    private readonly ComputedIndicator _percentOfLastYear;
    private readonly ComputedIndicator _percentOfPlan;
    private readonly int _yearToDatePeriods;

    /// <param name="yearToDatePeriods">How many periods the year so far holds, this one included; 0 when unknown.</param>
    public FormSheet(FormLayout layout, IReadOnlyDictionary<string, IndicatorInfo> indicators, IEnumerable<StoredCell> entered,
        IReadOnlyDictionary<(string, string), decimal> lastYear, IReadOnlyDictionary<(string, string), decimal> previous,
        IReadOnlyDictionary<(string, string), IReadOnlyList<decimal>> earlierThisYear, IReadOnlyDictionary<string, ComputedIndicator> computed,
        ComputedIndicator percentOfLastYear, ComputedIndicator percentOfPlan, int yearToDatePeriods = 0)
    {
        _yearToDatePeriods = yearToDatePeriods;
        Layout = layout;
        _indicators = indicators;
        _entered = entered.ToDictionary(c => c.Key);
        _lastYear = lastYear;
        _previous = previous;
        _earlierThisYear = earlierThisYear;
        _computed = computed;
        _percentOfLastYear = percentOfLastYear;
        _percentOfPlan = percentOfPlan;
    }

    public FormLayout Layout { get; }

    public StoredCell? Entered(CellKey key) => _entered.GetValueOrDefault(key);

    public IEnumerable<StoredCell> EnteredCells => _entered.Values;

    /// <summary>Records a value the officer typed (or cleared), keeping the version it was saved with.</summary>
    public void Set(CellKey key, decimal? number, string? text, string? comment, long version) =>
        _entered[key] = new StoredCell(key, number, text, comment, version);

    public CellValue Value(CellKey key)
    {
        var indicator = _indicators[key.Indicator];
        if (indicator.IsComputed && key.Disaggregation.Length == 0 && key.Column is "current" or "lastyear" or "plan" or "ytd")
            return Compute(indicator.Code, key.Column);
        return key.Column switch
        {
            "current" or "plan" => _entered.TryGetValue(key, out var cell) ? new CellValue(cell.Number, cell.Text, null) : CellValue.Empty,
            "lastyear" => _lastYear.TryGetValue((key.Indicator, key.Disaggregation), out var last) ? new CellValue(last, null, null) : new(null, null, "Chưa có số liệu cùng kỳ năm trước."),
            "ytd" => YearToDate(indicator, key.Disaggregation),
            "pct_lastyear" => Ratio(_percentOfLastYear, Value(key with { Column = "current" }), Value(key with { Column = "lastyear" }), "V@lastyear"),
            "pct_plan" => Ratio(_percentOfPlan, Value(key with { Column = "current" }), Value(key with { Column = "plan" }), "PLAN"),
            _ => CellValue.Empty,
        };
    }

    /// <summary>This period's totals by indicator code, as the data checks read them.</summary>
    public IReadOnlyDictionary<string, decimal?> Totals() =>
        _indicators.Keys.ToDictionary(code => code, code => Value(new CellKey(code, "current", "")).Number);

    private CellValue YearToDate(IndicatorInfo indicator, string disaggregation)
    {
        var current = Value(new CellKey(indicator.Code, "current", disaggregation)).Number;
        var earlier = _earlierThisYear.GetValueOrDefault((indicator.Code, disaggregation)) ?? [];
        if (current is null)
            return new(null, null, "Chưa nhập số liệu kỳ này.");
        // Says how many periods it holds when some have no approved figure, so a partial year is never read as whole.
        var note = earlier.Count + 1 < _yearToDatePeriods ? $"Lũy kế {earlier.Count + 1}/{_yearToDatePeriods} kỳ có số liệu (các kỳ trước: số liệu đã duyệt)." : null;
        return indicator.CombineOverTime([.. earlier, current.Value]) is { } total
            ? new(indicator.OverTime == TimeAggregation.Average ? Decimals.Round(total, indicator.Precision + 2) : total, null, null, note)
            : new(null, null, "Chỉ số không cộng dồn theo thời gian.");
    }

    private static CellValue Ratio(ComputedIndicator formula, CellValue part, CellValue whole, string wholeKey)
    {
        var result = formula.Evaluate(new Dictionary<string, decimal?> { ["V"] = part.Number, [wholeKey] = whole.Number });
        return result.Value is { } value ? new(Decimals.Round(value, 2), null, null) : new(null, null, result.Reason);
    }

    /// <summary>A computed indicator in one column: its inputs taken from the same column, with last year, the previous
    /// period and the year so far available to formulas of the current column.</summary>
    private CellValue Compute(string code, string column)
    {
        if (!_computed.TryGetValue(code, out var formula))
            return new(null, null, "Công thức của chỉ số không dùng được.");
        var inputs = new Dictionary<string, decimal?>();
        foreach (var key in formula.Inputs)
        {
            var parts = key.Split('@');
            var input = parts[0];
            if (!_indicators.ContainsKey(input) && parts.Length == 1)
            {
                inputs[key] = null;
                continue;
            }
            inputs[key] = (parts.Length == 1 ? column : column == "current" ? parts[1] : "") switch
            {
                "current" or "plan" or "lastyear" or "ytd" when _indicators.ContainsKey(input) => Value(new CellKey(input, parts.Length == 1 ? column : parts[1], "")).Number,
                "prev" => _previous.TryGetValue((input, ""), out var previous) ? previous : null,
                _ => null,
            };
        }
        var result = formula.Evaluate(inputs);
        var precision = _indicators[code].Precision;
        return result.Value is { } value ? new(Decimals.Round(value, precision), null, null) : new(null, null, result.Reason);
    }
}

/// <summary>An entered value as stored, with the version that guards it against lost updates.</summary>
internal sealed record StoredCell(CellKey Key, decimal? Number, string? Text, string? Comment, long Version);
