using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

public sealed class HolidayTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly HolidayCalendar Calendar = new(OfficialSchedules.Shipped());

    // The reference table (../shared/reference/calendar-and-periods.md): every date off and every working Saturday.
    public static TheoryData<int, string[], string[]> OfficialYears => new()
    {
        {
            2024,
            ["2024-01-01", "2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18",
             "2024-04-27", "2024-04-28", "2024-04-29", "2024-04-30", "2024-05-01", "2024-08-31", "2024-09-01", "2024-09-02", "2024-09-03"],
            ["2024-05-04"]
        },
        {
            2025,
            ["2025-01-01", "2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
             "2025-04-05", "2025-04-06", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04",
             "2025-08-30", "2025-08-31", "2025-09-01", "2025-09-02"],
            ["2025-04-26"]
        },
        {
            2026,
            ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
             "2026-02-20", "2026-02-21", "2026-02-22", "2026-04-25", "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03",
             "2026-08-29", "2026-08-30", "2026-08-31", "2026-09-01", "2026-09-02"],
            ["2026-01-10", "2026-08-22"]
        },
    };

    [Theory, MemberData(nameof(OfficialYears))]
    public void The_official_schedules_are_reproduced_exactly(int year, string[] daysOff, string[] workingSaturdays)
    {
        var listed = Calendar.YearOf(year);

        Assert.Equal(daysOff.Select(D), listed.Where(d => d.Kind != DayKind.WorkingSaturday).Select(d => d.Date));
        Assert.Equal(workingSaturdays.Select(D), listed.Where(d => d.Kind == DayKind.WorkingSaturday).Select(d => d.Date));
        foreach (var day in daysOff.Select(D))
            Assert.False(Calendar.IsWorkingDay(day), $"{day} is a day off");
        foreach (var day in workingSaturdays.Select(D))
            Assert.True(Calendar.IsWorkingDay(day), $"{day} is a working Saturday");
        Assert.True(Calendar.IsWorkingDay(D("2024-12-31")) && Calendar.IsWorkingDay(D("2023-12-29")));
        Assert.False(Calendar.IsWorkingDay(D("2023-12-30"))); // 2024's Tết Dương lịch span starts in 2023
    }

    [Fact]
    public void Only_27_April_2026_is_a_compensatory_day_in_the_shipped_schedules()
    {
        var compensatory = new[] { 2024, 2025, 2026 }.SelectMany(Calendar.YearOf).Where(d => d.Kind == DayKind.Compensatory).Select(d => d.Date);
        Assert.Equal([D("2026-04-27")], compensatory);
    }

    [Fact]
    public void A_year_without_an_announcement_follows_the_statutory_days_with_compensatory_days()
    {
        // 2027: Tết Đinh Mùi is Saturday 6 February; 10/3 lunar is Friday 16 April; 1–2/9 Wednesday–Thursday.
        var days = Calendar.YearOf(2027).ToDictionary(d => d.Date, d => d.Kind);

        Assert.False(Calendar.IsAnnounced(2027));
        Assert.Equal(D("2027-02-06"), LunarCalendar.ToSolar(2027, 1, 1, false));
        foreach (var date in new[] { "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-04-16", "2027-04-30", "2027-05-01", "2027-09-01", "2027-09-02" })
            Assert.Equal(DayKind.Holiday, days[D(date)]);
        // Tết's Saturday and Sunday and Saturday 1 May each give a working day off after the holidays.
        Assert.Equal([D("2027-02-10"), D("2027-02-11"), D("2027-05-03")], days.Where(d => d.Value == DayKind.Compensatory).Select(d => d.Key).Order());
        Assert.Contains("Đinh Mùi", Calendar.StatusOf(D("2027-02-08")).Reason);
    }

    [Fact]
    public void Swapping_and_compensatory_days_move_working_day_counts()
    {
        Assert.Equal(D("2026-01-05"), Calendar.AddWorkingDays(D("2025-12-31"), 1)); // 1–4 January off
        Assert.Equal(D("2026-01-10"), Calendar.AddWorkingDays(D("2026-01-09"), 1)); // the working Saturday counts
        Assert.Equal(D("2026-02-23"), Calendar.AddWorkingDays(D("2026-02-13"), 1)); // across Tết Bính Ngọ
        Assert.Equal(D("2026-04-28"), Calendar.AddWorkingDays(D("2026-04-24"), 1)); // past Giỗ Tổ and its compensatory day
        Assert.Equal(D("2026-02-13"), Calendar.AddWorkingDays(D("2026-02-23"), -1));
    }

    [Fact]
    public void Between_1901_and_2100_every_statutory_holiday_is_a_day_off_and_no_weekday_outside_them_is()
    {
        var problems = new List<string>();
        for (var year = 1901; year <= 2100 && problems.Count < 10; year++)
        {
            var listed = Calendar.YearOf(year);
            if (!Calendar.IsAnnounced(year) && listed.Count(d => d.Kind == DayKind.Holiday && d.Date.Year == year) < 10)
                problems.Add($"{year}: only {listed.Count} statutory days");
            foreach (var (date, kind, _) in listed.Where(d => d.Kind != DayKind.WorkingSaturday))
                if (Calendar.IsWorkingDay(date))
                    problems.Add($"{date} ({kind}) counted as working");
            if (Calendar.YearOf(year).Any(d => d.Kind == DayKind.Compensatory && d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
                problems.Add($"{year}: a compensatory day on a weekend");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_public_calendar_API_lists_a_year_and_explains_a_day(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = app.CreateClient();

        var holidays = await client.GetFromJsonAsync<List<JsonElement>>("/api/calendar/holidays?year=2026");
        var tet = await client.GetFromJsonAsync<JsonElement>("/api/calendar/working-day?date=2026-02-17");
        var saturday = await client.GetFromJsonAsync<JsonElement>("/api/calendar/working-day?date=2026-08-22");
        var badYear = await client.GetAsync("/api/calendar/holidays?year=3000");

        Assert.Equal(27, holidays!.Count);
        Assert.Equal(holidays.Select(h => h.GetProperty("date").GetString()).Order(StringComparer.Ordinal), holidays.Select(h => h.GetProperty("date").GetString()));
        Assert.Equal("compensatory", holidays.Single(h => h.GetProperty("date").GetString() == "2026-04-27").GetProperty("kind").GetString());
        Assert.Equal("working-saturday", holidays.Single(h => h.GetProperty("date").GetString() == "2026-01-10").GetProperty("kind").GetString());
        Assert.False(tet.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("Tết Nguyên đán Bính Ngọ", tet.GetProperty("reason").GetString());
        Assert.True(saturday.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
    }
}
