using BaoCao.Indicators.Contracts;

namespace BaoCao.Indicators.Domain;

/// <summary>An entry of the managed list of units of measure (người, hộ, tỷ đồng, %, …).</summary>
internal sealed class UnitOfMeasure
{
    private UnitOfMeasure() { }

    public UnitOfMeasure(string code, string name)
    {
        Code = code;
        Name = name.Trim();
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
}

/// <summary>A sector or field grouping indicators; groups form a tree (sector → field).</summary>
internal sealed class IndicatorGroup
{
    private IndicatorGroup() { }

    public IndicatorGroup(string code, string name, string? parentCode, int order)
    {
        Code = code;
        Name = name.Trim();
        ParentCode = parentCode;
        Order = order;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public int Order { get; private set; }
}

/// <summary>A disaggregation category (sex, urban/rural, age group …) with its options. An indicator disaggregated
/// by several categories is entered per combination of their options (sex × urban/rural = 4 cells).</summary>
internal sealed class Category
{
    private Category() { }

    public Category(string code, string name, IEnumerable<(string Code, string Name)> options)
    {
        Code = code;
        Name = name.Trim();
        Options = [.. options.Select((o, i) => new CategoryOption(o.Code, o.Name.Trim(), i + 1))];
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<CategoryOption> Options { get; private set; } = [];

    /// <summary>Every combination of the options of <paramref name="categories"/>, in order, e.g. NAM.TT, NAM.NT, NU.TT, NU.NT.</summary>
    public static IReadOnlyList<(string Code, string Name)> Combinations(IReadOnlyList<Category> categories)
    {
        IEnumerable<(string Code, string Name)> combinations = [("", "")];
        foreach (var category in categories)
        {
            combinations = combinations.SelectMany(c => category.Options.OrderBy(o => o.Order)
                .Select(o => (c.Code.Length == 0 ? o.Code : $"{c.Code}.{o.Code}", c.Name.Length == 0 ? o.Name : $"{c.Name}, {o.Name}"))).ToList();
        }
        return categories.Count == 0 ? [] : [.. combinations];
    }
}

internal sealed record CategoryOption(string Code, string Name, int Order);
