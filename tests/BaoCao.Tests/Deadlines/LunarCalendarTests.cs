using BaoCao.Deadlines.Domain;

namespace BaoCao.Tests.Deadlines;

/// <summary>Checked against published Vietnamese calendars (lịch vạn niên) and the Government's holiday schedules,
/// including years where Vietnam's UTC+7 calendar and China's UTC+8 one disagree.</summary>
public sealed class LunarCalendarTests
{
    [Theory]
    [InlineData("2020-01-25")] // Canh Tý
    [InlineData("2021-02-12")] // Tân Sửu
    [InlineData("2022-02-01")] // Nhâm Dần
    [InlineData("2023-01-22")] // Quý Mão
    [InlineData("2024-02-10")] // Giáp Thìn (official schedule: off 08–14/02/2024)
    [InlineData("2025-01-29")] // Ất Tỵ (off 25/01–02/02/2025)
    [InlineData("2026-02-17")] // Bính Ngọ (off 14–22/02/2026)
    [InlineData("1985-01-21")] // Vietnam: a month before China's 20/02/1985
    [InlineData("2007-02-17")] // Vietnam: a day before China's 18/02/2007
    [InlineData("1968-01-29")] // Vietnam (UTC+7 since 1967): a day before China's 30/01/1968
    public void Tet_falls_on_the_published_day(string tet)
    {
        var date = DateOnly.Parse(tet, System.Globalization.CultureInfo.InvariantCulture);

        var lunar = LunarCalendar.FromSolar(date);

        Assert.Equal(new LunarDate(date.Year, 1, 1, false), lunar);
        Assert.Equal(date, LunarCalendar.ToSolar(date.Year, 1, 1, false));
        Assert.Equal(12, LunarCalendar.FromSolar(date.AddDays(-1)).Month); // the eve of Tết ends month 12
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_10_3_lunar_matches_the_official_schedules(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.ToSolar(year, 3, 10, false));

    [Theory]
    [InlineData(2001, 4)]
    [InlineData(2004, 2)]
    [InlineData(2006, 7)]
    [InlineData(2009, 5)]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    public void Leap_months_are_where_the_almanac_puts_them(int year, int leapMonth)
    {
        Assert.Equal(leapMonth, LunarCalendar.LeapMonthOf(year));
        var first = LunarCalendar.ToSolar(year, leapMonth, 1, true)!.Value;
        Assert.Equal(new LunarDate(year, leapMonth, 1, true), LunarCalendar.FromSolar(first));
    }

    [Fact]
    public void The_leap_month_of_2023_spans_22_March_to_19_April()
    {
        Assert.Equal(new LunarDate(2023, 2, 1, true), LunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new LunarDate(2023, 2, 29, true), LunarCalendar.FromSolar(new DateOnly(2023, 4, 19)));
        Assert.Equal(new LunarDate(2023, 3, 1, false), LunarCalendar.FromSolar(new DateOnly(2023, 4, 20)));
    }

    [Fact]
    public void Days_that_do_not_exist_have_no_solar_date()
    {
        Assert.Null(LunarCalendar.ToSolar(2024, 3, 1, leapMonth: true)); // 2024 has no leap month
        Assert.Null(LunarCalendar.ToSolar(2023, 3, 1, leapMonth: true)); // 2023's leap month is the 2nd
        Assert.Null(LunarCalendar.ToSolar(2024, 13, 1, false));
        Assert.Null(LunarCalendar.ToSolar(2024, 1, 31, false));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_round_trips_and_every_lunar_new_year_falls_between_19_January_and_21_February()
    {
        var problems = new List<string>();
        for (var date = new DateOnly(1900, 2, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(date);
            if (LunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth) != date)
                problems.Add($"{date:yyyy-MM-dd} → {lunar} does not come back");
            if (lunar is { Month: 1, Day: 1, IsLeapMonth: false } && (date < new DateOnly(date.Year, 1, 19) || date > new DateOnly(date.Year, 2, 21)))
                problems.Add($"Tết {date:yyyy-MM-dd} outside 19/01–21/02");
            if (problems.Count > 10)
                break;
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
