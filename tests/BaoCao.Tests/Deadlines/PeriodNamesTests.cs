using BaoCao.Deadlines.Contracts;

namespace BaoCao.Tests.Deadlines;

/// <summary>The one formatter of period names, as people read them on pages, in documents and e-mails.</summary>
public sealed class PeriodNamesTests
{
    [Theory]
    [InlineData("202611", "Tháng 11/2026", "T11/2026")]
    [InlineData("202601", "Tháng 1/2026", "T01/2026")]
    [InlineData("2026Q4", "Quý IV/2026", "Quý IV/2026")]
    [InlineData("2026q1", "Quý I/2026", "Quý I/2026")]
    [InlineData("2026S1", "6 tháng đầu năm 2026", "6 tháng đầu năm 2026")]
    [InlineData("2026S2", "6 tháng cuối năm 2026", "6 tháng cuối năm 2026")]
    [InlineData("20269M", "9 tháng năm 2026", "9 tháng năm 2026")]
    [InlineData("2026", "Năm 2026", "Năm 2026")]
    [InlineData("20261101-20261115", "Từ 01/11/2026 đến 15/11/2026", "Từ 01/11/2026 đến 15/11/2026")]
    public void A_period_is_named_as_people_write_it(string code, string name, string shortName)
    {
        Assert.Equal(name, PeriodNames.Of(code));
        Assert.Equal(shortName, PeriodNames.Short(code));
    }

    [Theory]
    [InlineData("202613")]
    [InlineData("2026Q5")]
    [InlineData("abc")]
    [InlineData("20261301-20261315")]
    public void A_code_it_does_not_know_is_shown_as_it_is(string code) => Assert.Equal(code, PeriodNames.Of(code));
}
