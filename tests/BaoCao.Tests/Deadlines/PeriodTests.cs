using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

public sealed class PeriodTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly HolidayCalendar Calendar = new(OfficialSchedules.Shipped());

    [Fact]
    public void Every_frequency_of_a_regime_is_a_period_kind_by_name_and_no_frequency_means_custom_rounds()
    {
        foreach (var frequency in Enum.GetValues<BaoCao.Forms.Contracts.Frequency>())
            Assert.Equal(frequency.ToString(), PeriodKinds.Of<BaoCao.Forms.Contracts.Frequency>(frequency).ToString());
        Assert.Equal(PeriodKind.Custom, PeriodKinds.Of<BaoCao.Forms.Contracts.Frequency>(null));
    }

    [Theory]
    [InlineData("202611", "2026-11-01", "2026-11-30", "2026-10-15", "2026-11-14")]
    [InlineData("202601", "2026-01-01", "2026-01-31", "2025-12-15", "2026-01-14")]
    [InlineData("2026Q1", "2026-01-01", "2026-03-31", "2025-12-15", "2026-03-14")]
    [InlineData("2026Q4", "2026-10-01", "2026-12-31", "2026-09-15", "2026-12-14")]
    [InlineData("2026S1", "2026-01-01", "2026-06-30", "2025-12-15", "2026-06-14")]
    [InlineData("2026S2", "2026-07-01", "2026-12-31", "2026-06-15", "2026-12-14")]
    [InlineData("20269M", "2026-01-01", "2026-09-30", "2025-12-15", "2026-09-14")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2025-12-15", "2026-12-14")]
    public void Decree_09_windows_run_from_the_15th_of_the_month_before_to_the_14th_of_the_last_month(string code, string start, string end, string cutOffStart, string cutOffEnd)
    {
        var period = Period.TryParse(code)!;

        Assert.Equal((D(start), D(end)), (period.Start, period.End));
        Assert.Equal((D(cutOffStart), D(cutOffEnd)), period.Window(WindowRule.Decree09));
        Assert.Equal((D(start), D(end)), period.Window(WindowRule.Calendar));
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("202613")]
    [InlineData("202600")]
    [InlineData("2026-11")]
    [InlineData("abc")]
    [InlineData("1800")]
    [InlineData("2026S3")]
    [InlineData("20261301-20261401")]
    [InlineData("20261201-20261101")]
    [InlineData("")]
    public void Invalid_codes_are_refused(string code) => Assert.Null(Period.TryParse(code));

    [Theory]
    [InlineData("202601", "202512", "202501", "202601")]
    [InlineData("202611", "202610", "202511", "202601,202602,202603,202604,202605,202606,202607,202608,202609,202610,202611")]
    [InlineData("2026Q1", "2025Q4", "2025Q1", "2026Q1")]
    [InlineData("2026Q3", "2026Q2", "2025Q3", "2026Q1,2026Q2,2026Q3")]
    [InlineData("2026S1", "2025S2", "2025S1", "2026S1")]
    [InlineData("2026S2", "2026S1", "2025S2", "2026S1,2026S2")]
    [InlineData("20269M", "20259M", "20259M", "20269M")]
    [InlineData("2026", "2025", "2025", "2026")]
    public void Each_period_knows_the_one_before_the_same_one_last_year_and_the_year_so_far(string code, string previous, string lastYear, string yearToDate)
    {
        var period = Period.TryParse(code)!;
        Assert.Equal((previous, lastYear, yearToDate), (period.Previous(), period.SameLastYear(), string.Join(',', period.YearToDate())));
    }

    [Fact]
    public void Every_period_code_round_trips()
    {
        for (var year = 1970; year <= 2100; year++)
        {
            string[] codes = [$"{year}", $"{year}9M", $"{year}S1", $"{year}S2", .. Enumerable.Range(1, 4).Select(q => $"{year}Q{q}"), .. Enumerable.Range(1, 12).Select(m => $"{year}{m:00}")];
            foreach (var code in codes)
                Assert.Equal(code, Period.TryParse(code)!.Code);
        }
        Assert.Equal(PeriodKind.Custom, Period.TryParse("20260101-20260315")!.Kind);
    }

    [Fact]
    public void A_due_date_on_Tet_moves_to_the_next_working_day_and_says_why()
    {
        var due = DueDates.For(Period.TryParse("202602")!, WindowRule.Decree09, DueDateRule.Default, Calendar);

        Assert.Equal(D("2026-02-20"), due.Unshifted);
        Assert.Equal(D("2026-02-23"), due.Shifted);
        Assert.Contains("Tết Nguyên đán Bính Ngọ", due.ShiftReason);
        // The window ends Saturday 14/02, Tết runs to 22/02: not one working day before the deadline.
        Assert.Contains("Điều 8.5b", due.Warning);
        Assert.Null(DueDates.For(Period.TryParse("202603")!, WindowRule.Decree09, DueDateRule.Default, Calendar).Warning);
    }

    [Fact]
    public void A_deadline_inside_the_calendar_window_is_flagged_under_Decree_09_Art_8_5b()
    {
        var due = DueDates.For(Period.TryParse("202611")!, WindowRule.Calendar, DueDateRule.Default, Calendar);

        Assert.Equal(D("2026-11-20"), due.Shifted);
        Assert.Contains("Điều 8.5b", due.Warning);
    }

    [Fact]
    public void From_1970_to_2100_a_shifted_due_date_is_never_a_day_off_nor_earlier_than_the_unshifted_one()
    {
        for (var year = 1970; year <= 2100; year++)
        {
            foreach (var code in Enumerable.Range(1, 12).Select(m => $"{year}{m:00}").Concat([$"{year}Q1", $"{year}Q2", $"{year}Q3", $"{year}Q4", $"{year}S1", $"{year}S2", $"{year}"]))
            {
                foreach (var rule in new[] { DueDateRule.Default, new DueDateRule(null, 5, null), new DueDateRule(31, null, null) })
                {
                    var due = DueDates.For(Period.TryParse(code)!, WindowRule.Decree09, rule, Calendar);
                    Assert.True(Calendar.IsWorkingDay(due.Shifted), $"{code}: {due.Shifted} is a day off");
                    Assert.True(due.Shifted >= due.Unshifted, $"{code}: moved earlier");
                    Assert.Equal(due.Shifted == due.Unshifted, due.ShiftReason is null);
                }
            }
        }
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_periods_API_explains_a_code(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = app.CreateClient();

        var february = await client.GetFromJsonAsync<JsonElement>("/api/periods/202602?rule=decree09&dueDay=20");
        var quarter = await client.GetFromJsonAsync<JsonElement>("/api/periods/2026Q4");
        var invalid = await client.GetAsync("/api/periods/2026Q5");
        var badRule = await client.GetAsync("/api/periods/202602?rule=lunar");

        Assert.Equal("202602", february.GetProperty("code").GetString());
        Assert.Equal("2026-01-15", february.GetProperty("cutOffStart").GetString());
        Assert.Equal("2026-02-14", february.GetProperty("cutOffEnd").GetString());
        Assert.Equal("2026-02-20", february.GetProperty("dueDateUnshifted").GetString());
        Assert.Equal("2026-02-23", february.GetProperty("dueDate").GetString());
        Assert.Contains("Tết", february.GetProperty("shiftReason").GetString());
        Assert.Equal("2026-12-21", quarter.GetProperty("dueDate").GetString()); // 20/12/2026 is a Sunday
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("YYYYQn", (await invalid.ReadProblemAsync()).Errors!["code"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);
    }
}
