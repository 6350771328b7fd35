using BaoCao.Indicators.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;

namespace BaoCao.Tests.Indicators;

public sealed class CatalogueRulesTests
{
    private static readonly Dictionary<string, FormulaReference> Catalogue = new()
    {
        ["A"] = new("A", IndicatorValueType.Decimal, TimeAggregation.Sum, IndicatorStatus.Active, null),
        ["B"] = new("B", IndicatorValueType.Decimal, TimeAggregation.LastValue, IndicatorStatus.Active, "[C] * 2"),
        ["C"] = new("C", IndicatorValueType.Decimal, TimeAggregation.None, IndicatorStatus.Active, "[D] + 1"),
        ["D"] = new("D", IndicatorValueType.Decimal, TimeAggregation.Sum, IndicatorStatus.Active, "[B@ytd] / 2"),
        ["TEXT"] = new("TEXT", IndicatorValueType.Text, TimeAggregation.None, IndicatorStatus.Active, null),
        ["OLD"] = new("OLD", IndicatorValueType.Integer, TimeAggregation.Sum, IndicatorStatus.Retired, null),
    };

    private static FormulaCheck Check(string formula, string? self = null) => FormulaChecker.Check(formula, self, code => Catalogue.GetValueOrDefault(code));

    [Theory]
    [InlineData("[A] + ([A] > 1)", "'+' cần số")]
    [InlineData("if([A], 1, 2)", "'if' cần một điều kiện")]
    [InlineData("[A] > 1", "phải cho kết quả là một số")]
    [InlineData("if([A] > 1, 1, [A] > 2)", "Hai nhánh")]
    [InlineData("[TEXT] * 2", "kiểu văn bản")]
    [InlineData("[OLD] * 2", "ngừng sử dụng")]
    [InlineData("[C@ytd]", "không cộng dồn")]
    [InlineData("not [A]", "'not' cần một điều kiện")]
    [InlineData("sum([A], [A] = 1)", "'sum' cần số")]
    public void Type_errors_are_found_before_saving(string formula, string message)
    {
        var check = Check(formula);
        Assert.False(check.Valid);
        Assert.Contains(check.Errors, e => e.Message.Contains(message));
    }

    [Theory]
    [InlineData("if([A] > 1 and not ([A] = 3), [A], 0)")]
    [InlineData("coalesce([A@prev], [A@lastyear], 0) + round(avg([A], 2), 1)")]
    [InlineData("[A@ytd] / 3")]
    public void Well_typed_formulas_pass(string formula) => Assert.True(Check(formula).Valid, string.Join("; ", Check(formula).Errors.Select(e => e.Message)));

    [Fact]
    public void A_cycle_is_reported_with_its_path_and_references_to_other_periods_do_not_close_one()
    {
        // D reads B year-to-date, B reads C, C reads D: saving D as [B@ytd] / 2 closes D → B → C → D.
        var cycle = Check("[B@ytd] / 2", "D");
        Assert.Contains(cycle.Errors, e => e.Message.Contains("D → B → C → D"));
        Assert.True(Check("[B@prev] / 2", "D").Valid);
        Assert.True(Check("[D@lastyear] + [A]", "D").Valid);
        Assert.Contains(Check("[D] + 1", "D").Errors, e => e.Message.Contains("D → D"));
    }

    [Fact]
    public void Outlier_hints_use_the_median_so_one_earlier_typo_does_not_hide_the_next()
    {
        decimal[] history = [100, 104, 98, 101, 10_000, 99, 103]; // one earlier typo (10,000) inflates mean ± 3 sd to 100 ± 10,000
        Assert.NotNull(OutlierHints.Check(9_800, history));
        Assert.Null(OutlierHints.Check(106, history));
        Assert.Null(OutlierHints.Check(9_800, [100, 101, 102, 103])); // too little history to judge
        Assert.NotNull(OutlierHints.Check(180, [100, 100, 100, 100, 100, 120])); // MAD is zero: falls back to the mean deviation
        Assert.Contains("thấp bất thường", OutlierHints.Check(5, history)!.Message);
    }

    [Fact]
    public void Disaggregation_combinations_cross_every_option_in_order()
    {
        var sex = new Category("GIOI_TINH", "Giới tính", [("NAM", "Nam"), ("NU", "Nữ")]);
        var area = new Category("KHU_VUC", "Khu vực", [("TT", "Thành thị"), ("NT", "Nông thôn")]);
        Assert.Equal(["NAM.TT", "NAM.NT", "NU.TT", "NU.NT"], Category.Combinations([sex, area]).Select(c => c.Code));
        Assert.Equal("Nữ, Nông thôn", Category.Combinations([sex, area])[3].Name);
        Assert.Empty(Category.Combinations([]));
    }

    [Theory]
    [InlineData("WeightedAverage", "WeightedAverage")]
    [InlineData("bình quân gia quyền", "WeightedAverage")]
    [InlineData("BINH QUAN GIA QUYEN", "WeightedAverage")]
    [InlineData("Cộng", "Sum")]
    [InlineData("3", null)]
    [InlineData("trung binh cong", null)]
    public void Choices_read_English_codes_and_Vietnamese_names(string text, string? expected) =>
        Assert.Equal(expected, Labels.Parse(text, Labels.AcrossUnits)?.ToString());
}
