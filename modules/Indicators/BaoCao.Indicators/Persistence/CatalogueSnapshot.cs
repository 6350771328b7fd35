using System.Text.RegularExpressions;
using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;

namespace BaoCao.Indicators.Persistence;

/// <summary>
/// The catalogue's lists and current indicators, loaded once to check definitions against: by the editor, by the
/// formula check and by an import (which adds each checked row, so a file may define inputs and the indicators
/// computed from them together).
/// </summary>
internal sealed partial class CatalogueSnapshot
{
    private readonly HashSet<string> _unitsOfMeasure;
    private readonly HashSet<string> _groups;
    private readonly Dictionary<string, Category> _categories;
    private readonly Dictionary<string, FormulaReference> _indicators;
    private readonly HashSet<string>? _units;

    private CatalogueSnapshot(HashSet<string> unitsOfMeasure, HashSet<string> groups, Dictionary<string, Category> categories,
        Dictionary<string, FormulaReference> indicators, HashSet<string>? units)
    {
        _unitsOfMeasure = unitsOfMeasure;
        _groups = groups;
        _categories = categories;
        _indicators = indicators;
        _units = units;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_.-]{0,63}$")]
    public static partial Regex CodePattern();

    /// <param name="withUnits">False for formula checks only (the live check while typing): the unit tree is not read.</param>
    public static async Task<CatalogueSnapshot> LoadAsync(IndicatorsDbContext db, ISender sender, CancellationToken cancellationToken, bool withUnits = true)
    {
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var units = withUnits ? await sender.Send(new ListAllUnits(), cancellationToken) : null;
        return new CatalogueSnapshot(
            [.. await db.UnitsOfMeasure.Select(u => u.Code).ToListAsync(cancellationToken)],
            [.. await db.Groups.Select(g => g.Code).ToListAsync(cancellationToken)],
            (await db.Categories.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Code),
            indicators.ToDictionary(i => i.Code, i => Reference(i.Code, i.Current.Definition, i.Status)),
            units is null ? null : [.. units.Where(u => u.ValidTo is null).Select(u => u.Code)]);
    }

    public FormulaReference? Find(string code) => _indicators.GetValueOrDefault(code);

    public bool HasCategory(string code) => _categories.ContainsKey(code);

    public void AddCategory(Category category) => _categories[category.Code] = category;

    /// <summary>Makes a checked row visible to the rows after it.</summary>
    public void Include(string code, IndicatorDefinition definition, IndicatorStatus status) =>
        _indicators[code] = Reference(code, definition, status);

    /// <summary>Makes a row of a file visible before it is checked, so rows may refer to rows further down.</summary>
    public void IncludeProvisional(FormulaReference reference) => _indicators.TryAdd(reference.Code, reference);

    public FormulaCheck CheckFormula(string? formula, string? selfCode) => FormulaChecker.Check(formula, selfCode, Find);

    /// <summary>The definition the input states, or the reasons it cannot be one (each naming its field).</summary>
    public (IndicatorDefinition? Definition, IReadOnlyList<ResultError> Errors) Check(IndicatorInput input)
    {
        var errors = new List<ResultError>();
        var code = Codes.Normalize(input.Code) ?? "";
        if (!CodePattern().IsMatch(code))
            errors.Add(new("Mã chỉ số gồm 1–64 ký tự: chữ in hoa không dấu, số, dấu gạch dưới, chấm hoặc gạch ngang.", "code"));
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors.Add(new("Cần nhập tên chỉ số.", "name"));
        else if (name.Length > 500)
            errors.Add(new("Tên chỉ số dài quá 500 ký tự.", "name"));
        else if (SharedKernel.Text.SpreadsheetText.StartsLikeFormula(name))
            errors.Add(new(SharedKernel.Text.SpreadsheetText.FormulaStartMessage, "name"));
        var shortName = string.IsNullOrWhiteSpace(input.ShortName) ? name : input.ShortName.Trim();
        if (shortName.Length > 200)
            errors.Add(new("Tên ngắn dài quá 200 ký tự.", "shortName"));
        if (input.Description?.Length > 4000)
            errors.Add(new("Mô tả dài quá 4000 ký tự.", "description"));
        if (input.Method?.Length > 4000)
            errors.Add(new("Phương pháp tính dài quá 4000 ký tự.", "method"));

        var unitOfMeasure = Codes.Normalize(input.UnitOfMeasure) ?? "";
        if (!_unitsOfMeasure.Contains(unitOfMeasure))
            errors.Add(new(unitOfMeasure.Length == 0 ? "Cần chọn đơn vị tính." : $"Không có đơn vị tính '{input.UnitOfMeasure}' trong danh mục.", "unitOfMeasure"));
        var valueType = Labels.Parse(input.ValueType, Labels.ValueTypes);
        if (valueType is null)
            errors.Add(new($"Kiểu giá trị phải là một trong: {Labels.Choices(Labels.ValueTypes)}.", "valueType"));
        var precision = valueType == IndicatorValueType.Integer ? 0 : input.Precision ?? 2;
        if (precision is < 0 or > 6)
            errors.Add(new("Số chữ số thập phân từ 0 đến 6.", "precision"));
        var across = string.IsNullOrWhiteSpace(input.AggregationAcrossUnits) ? UnitAggregation.Sum : Labels.Parse(input.AggregationAcrossUnits, Labels.AcrossUnits);
        if (across is null)
            errors.Add(new($"Cách tổng hợp theo đơn vị phải là một trong: {Labels.Choices(Labels.AcrossUnits)}.", "aggregationAcrossUnits"));
        var overTime = string.IsNullOrWhiteSpace(input.AggregationOverTime) ? TimeAggregation.Sum : Labels.Parse(input.AggregationOverTime, Labels.OverTime);
        if (overTime is null)
            errors.Add(new($"Cách tổng hợp theo thời gian phải là một trong: {Labels.Choices(Labels.OverTime)}.", "aggregationOverTime"));
        if (valueType is IndicatorValueType.Text or IndicatorValueType.YesNo)
        {
            // Words and yes/no answers do not add up; the latest answer may stand for the period.
            across = UnitAggregation.None;
            if (overTime is not null && overTime != TimeAggregation.LastValue)
                overTime = TimeAggregation.None;
        }

        var weight = string.IsNullOrWhiteSpace(input.WeightIndicator) ? null : Codes.Normalize(input.WeightIndicator);
        if (across == UnitAggregation.WeightedAverage)
        {
            if (weight is null)
                errors.Add(new("Bình quân gia quyền cần chỉ số làm quyền số (ví dụ dân số).", "weightIndicator"));
            else if (Find(weight) is not { ValueType: not (IndicatorValueType.Text or IndicatorValueType.YesNo) })
                errors.Add(new($"Không có chỉ số số học mã '{weight}' để làm quyền số.", "weightIndicator"));
            else if (weight == code)
                errors.Add(new("Chỉ số không thể là quyền số của chính nó.", "weightIndicator"));
        }
        else
        {
            weight = null;
        }

        var owner = Codes.Normalize(input.OwnerUnit) ?? "";
        if (_units is null)
            throw new InvalidOperationException("Checking a definition needs the snapshot loaded with its units.");
        if (!_units.Contains(owner))
            errors.Add(new(owner.Length == 0 ? "Cần chọn đơn vị chủ trì." : $"Không có đơn vị đang hoạt động mã '{input.OwnerUnit}'.", "ownerUnit"));
        var groups = IndicatorDefinition.Join(input.Groups);
        foreach (var group in groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(g => !_groups.Contains(g)))
            errors.Add(new($"Không có nhóm chỉ số '{group}'.", "groups"));
        var categories = IndicatorDefinition.Join(input.Disaggregations);
        var categoryCodes = categories.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var category in categoryCodes.Where(c => !_categories.ContainsKey(c)))
            errors.Add(new($"Không có phân tổ '{category}'.", "disaggregations"));
        if (categoryCodes.Length > 3)
            errors.Add(new("Một chỉ số phân tổ theo tối đa 3 tiêu chí.", "disaggregations"));

        var formula = string.IsNullOrWhiteSpace(input.Formula) ? null : input.Formula.Trim();
        if (formula is not null)
        {
            if (valueType is IndicatorValueType.Text or IndicatorValueType.YesNo)
                errors.Add(new("Chỉ số tính toán phải có kiểu số.", "valueType"));
            var check = CheckFormula(formula, code);
            errors.AddRange(check.Errors.Select(e => new ResultError($"{e.Message} (vị trí {e.Position + 1})", "formula")));
        }

        if (errors.Count > 0)
            return (null, errors);
        return (new IndicatorDefinition(name, shortName, Blank(input.Description), Blank(input.Method), unitOfMeasure, valueType!.Value,
            precision, across!.Value, weight, overTime!.Value, owner, groups, categories, formula), []);
    }

    public IReadOnlyList<Category> CategoriesOf(IndicatorDefinition definition) =>
        [.. definition.CategoryCodes.Where(_categories.ContainsKey).Select(c => _categories[c])];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FormulaReference Reference(string code, IndicatorDefinition definition, IndicatorStatus status) =>
        new(code, definition.ValueType, definition.OverTime, status, definition.Formula);
}
