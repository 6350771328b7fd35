using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Deadlines;

public sealed class OfficialScheduleTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    // Tết Đinh Mùi is Saturday 6 February 2027; 10/3 lunar is Friday 16 April; 1/5 is a Saturday (Monday 3/5 off instead).
    /// <summary>One day of a PUT body (sent as <c>{date, kind, name}</c>).</summary>
    private sealed record Entry(string Date, string Kind, string Name);

    private static Entry Holiday(string date, string name) => new(date, "Holiday", name);

    private static Entry[] Announcement2027 =>
    [
        Holiday("2027-01-01", "Tết Dương lịch"),
        .. Enumerable.Range(0, 10).Select(i => Holiday(new DateOnly(2027, 2, 5).AddDays(i).ToString("yyyy-MM-dd"), "Tết Nguyên đán Đinh Mùi")),
        new("2027-02-20", "WorkingSaturday", "làm bù cho ngày 12/02/2027"),
        Holiday("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        Holiday("2027-04-30", "Ngày Chiến thắng và Quốc tế Lao động"),
        Holiday("2027-05-01", "Ngày Chiến thắng và Quốc tế Lao động"),
        new("2027-05-03", "Compensatory", "Nghỉ bù Ngày Quốc tế Lao động"),
        Holiday("2027-09-01", "Quốc khánh"),
        Holiday("2027-09-02", "Quốc khánh"),
        Holiday("2027-11-24", "Ngày Văn hóa Việt Nam"),
    ];

    /// <summary>A shipped year as the PUT body, changed by <paramref name="edit"/>.</summary>
    private static List<Entry> Shipped(int year, Func<IEnumerable<OfficialDay>, IEnumerable<OfficialDay>>? edit = null) =>
        [.. (edit ?? (d => d))(OfficialSchedules.Shipped().Where(d => d.ScheduleYear == year))
            .Select(d => new Entry(d.Date.ToString("yyyy-MM-dd"), d.Kind.ToString(), d.Name))];

    private static async Task<string> MessagesAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync();
        return string.Join(" ", new[] { problem.Detail ?? "" }.Concat(problem.Errors?.Values.SelectMany(m => m) ?? []));
    }

    private static async Task<string> HolidaysAsync(BaoCaoApp app, int year) =>
        await app.CreateClient().GetStringAsync($"/api/calendar/holidays?year={year}");

    private static async Task<bool> IsWorkingDayAsync(BaoCaoApp app, string date) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/calendar/working-day?date={date}")).GetProperty("isWorkingDay").GetBoolean();

    private static async Task<JsonElement[]> AuditAsync(HttpClient admin, int year) =>
        (await admin.GetFromJsonAsync<JsonElement[]>($"/api/workflow/audit?subject=CALENDAR/{year}"))!;

    private static async Task<JsonElement[]> EventuallyAuditedAsync(HttpClient admin, int year, int count)
    {
        await Eventually.TrueAsync(async () => (await AuditAsync(admin, year)).Length >= count, $"{count} audit entries for CALENDAR/{year}");
        return await AuditAsync(admin, year);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_province_office_enters_an_announced_year_and_it_replaces_the_defaults(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        Assert.True(await IsWorkingDayAsync(app, "2027-02-12")); // the defaults give Tết 5–11/2

        var entered = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", Announcement2027);
        var holidays = await app.CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/calendar/holidays?year=2027");

        Assert.Equal(HttpStatusCode.NoContent, entered.StatusCode);
        Assert.Equal(19, holidays!.Count); // the announcement, nothing else
        Assert.False(await IsWorkingDayAsync(app, "2027-11-24")); // a new holiday needs no code
        Assert.False(await IsWorkingDayAsync(app, "2027-02-12")); // the announced Tết is longer than the default
        Assert.True(await IsWorkingDayAsync(app, "2027-02-20"));  // swapped Saturday

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/schedules/2027")).StatusCode);
        Assert.True(await IsWorkingDayAsync(app, "2027-02-12")); // no shipped data for 2027: the defaults again
        Assert.True(await IsWorkingDayAsync(app, "2027-11-24"));
    }

    [Fact]
    public async Task Only_province_wide_administrators_enter_schedules_and_bad_days_are_refused()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        var byLeader = await leader.PutAsJsonAsync("/api/calendar/schedules/2027", Announcement2027);
        var mondayAsSaturday = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", new[] { new Entry("2027-02-22", "WorkingSaturday", "làm bù") });
        var otherYear = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", new[] { Holiday("2026-02-17", "Tết") });

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mondayAsSaturday.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherYear.StatusCode);
        Assert.Equal(27, (await app.CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/calendar/holidays?year=2026"))!.Count); // untouched
    }

    // Finding 11 of issue 21: one PUT with a single day erased Tết 2027.
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_schedule_without_a_statutory_holiday_is_refused_with_its_name_and_changes_nothing(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/calendar/schedules/2027", Announcement2027)).StatusCode);
        var holidays = await HolidaysAsync(app, 2027);
        var due = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/periods/202702?dueDay=8");
        Assert.Equal("2027-02-15", due.GetProperty("dueDate").GetString()); // 8/2 is inside the announced Tết

        var singleDay = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", new[] { Holiday("2027-11-24", "Ngày Văn hóa Việt Nam") });
        var withoutTet = await admin.PutAsJsonAsync("/api/calendar/schedules/2027",
            Announcement2027.Where(d => !d.Name.Contains("Đinh Mùi")).ToArray());
        var withoutCompensatory = await admin.PutAsJsonAsync("/api/calendar/schedules/2027",
            Announcement2027.Where(d => d.Date != "2027-05-03").ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, singleDay.StatusCode);
        var all = await MessagesAsync(singleDay);
        foreach (var name in new[] { "Tết Dương lịch", "Tết Âm lịch", "Giỗ Tổ Hùng Vương", "Ngày Chiến thắng", "Ngày Quốc tế Lao động", "Quốc khánh" })
            Assert.Contains(name, all);
        Assert.Equal(HttpStatusCode.BadRequest, withoutTet.StatusCode);
        var tet = await MessagesAsync(withoutTet);
        Assert.Contains("Tết Âm lịch (mùng 1–3 tháng Giêng: 06/02–08/02/2027", tet);
        Assert.DoesNotContain("Quốc khánh", tet);
        Assert.Equal(HttpStatusCode.BadRequest, withoutCompensatory.StatusCode); // 1/5 is a Saturday: it must be made up
        Assert.Contains("Ngày Quốc tế Lao động (01/05/2027)", await MessagesAsync(withoutCompensatory));

        Assert.Equal(holidays, await HolidaysAsync(app, 2027));
        Assert.False(await IsWorkingDayAsync(app, "2027-02-08"));
        Assert.Equal("2027-02-15", (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/periods/202702?dueDay=8")).GetProperty("dueDate").GetString());
        var audit = await EventuallyAuditedAsync(admin, 2027, 1);
        await Task.Delay(500); // the refused requests queued nothing: no second entry turns up
        Assert.Single(await AuditAsync(admin, 2027));
        Assert.Single(audit);
    }

    // Finding 11 of issue 21: 2025 was rewritten in 2026, so passed due dates changed.
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_past_year_changes_only_when_forced_with_a_reason_and_the_reason_is_audited(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database); // Friday 27 November 2026
        var admin = await app.SignedInAsAsync("admin");
        var before = await HolidaysAsync(app, 2025);
        var withCulture = Shipped(2025, days => days.Append(OfficialDay.Of(D("2025-11-24"), DayKind.Holiday, "Ngày Văn hóa Việt Nam", 2025)));

        var plain = await admin.PutAsJsonAsync("/api/calendar/schedules/2025", withCulture);
        var noReason = await admin.PutAsJsonAsync("/api/calendar/schedules/2025?force=true", withCulture);
        var blankReason = await admin.PutAsJsonAsync("/api/calendar/schedules/2025?force=true&reason=%20%20", withCulture);
        var deleted = await admin.DeleteAsync("/api/calendar/schedules/2025");
        // What was found: 27/01/2025 made a working day. Forcing does not lift the statutory check.
        var tetShortened = await admin.PutAsJsonAsync("/api/calendar/schedules/2025?force=true&reason=th%E1%BB%AD",
            Shipped(2025, days => days.Where(d => d.Date != D("2025-01-27"))));

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("Lịch năm 2025 đã qua", await MessagesAsync(plain));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("cần nêu lý do", await MessagesAsync(noReason));
        Assert.Equal(HttpStatusCode.BadRequest, blankReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tetShortened.StatusCode);
        Assert.Contains("Tết Âm lịch", await MessagesAsync(tetShortened));
        Assert.Equal(before, await HolidaysAsync(app, 2025));
        Assert.True(await IsWorkingDayAsync(app, "2025-11-24"));
        Assert.False(await IsWorkingDayAsync(app, "2025-01-27"));

        const string reason = "Quyết định 123/QĐ-TTg bổ sung ngày nghỉ 24/11/2025";
        var forced = await admin.PutAsJsonAsync($"/api/calendar/schedules/2025?force=true&reason={Uri.EscapeDataString(reason)}", withCulture);

        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        Assert.False(await IsWorkingDayAsync(app, "2025-11-24"));
        var entry = Assert.Single(await EventuallyAuditedAsync(admin, 2025, 1));
        Assert.Equal("calendar.replace", entry.GetProperty("kind").GetString());
        Assert.Equal("admin", entry.GetProperty("by").GetString());
        Assert.Equal("Lịch đã nhập: 24/11/2025 không có", entry.GetProperty("before").GetString());
        Assert.Equal($"Lịch mới nhập: 24/11/2025 nghỉ (Ngày Văn hóa Việt Nam) · Lý do: {reason}", entry.GetProperty("after").GetString());
    }

    // Finding 11 of issue 21: DELETE fell back to the rule defaults, not to the shipped official data.
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Restoring_a_shipped_year_brings_back_the_official_schedule(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var official = await HolidaysAsync(app, 2026);
        // Monday 31/8 worked again without the swapped Saturday 22/8; 24/11 added.
        var edited = Shipped(2026, days => days.Where(d => d.Date != D("2026-08-31") && d.Date != D("2026-08-22"))
            .Append(OfficialDay.Of(D("2026-11-24"), DayKind.Holiday, "Ngày Văn hóa Việt Nam", 2026)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/calendar/schedules/2026", edited)).StatusCode);
        Assert.True(await IsWorkingDayAsync(app, "2026-08-31"));
        Assert.False(await IsWorkingDayAsync(app, "2026-08-22"));

        var restored = await admin.DeleteAsync("/api/calendar/schedules/2026");

        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        Assert.Equal(official, await HolidaysAsync(app, 2026));
        Assert.False(await IsWorkingDayAsync(app, "2026-08-31"));
        Assert.True(await IsWorkingDayAsync(app, "2026-08-22"));
        Assert.True(await IsWorkingDayAsync(app, "2026-11-24"));
        var compensatory = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/working-day?date=2026-04-27");
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", compensatory.GetProperty("reason").GetString()); // shipped, not the rule's name
        var entries = await EventuallyAuditedAsync(admin, 2026, 2);
        Assert.Equal("calendar.restore", entries[0].GetProperty("kind").GetString());
        Assert.Equal("Lịch đã nhập: 22/08/2026 không có; 31/08/2026 không có; 24/11/2026 nghỉ (Ngày Văn hóa Việt Nam)", entries[0].GetProperty("before").GetString());
        Assert.Equal("Lịch chính thức phát hành kèm hệ thống: 22/08/2026 làm bù (làm bù cho ngày 31/08/2026); 31/08/2026 nghỉ (Quốc khánh); 24/11/2026 không có",
            entries[0].GetProperty("after").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_audit_trail_shows_who_when_and_the_days_before_and_after_a_schedule_change(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/calendar/schedules/2027", Announcement2027)).StatusCode);

        var entry = Assert.Single(await EventuallyAuditedAsync(admin, 2027, 1));
        Assert.Equal("calendar.replace", entry.GetProperty("kind").GetString());
        Assert.Equal("CALENDAR/2027", entry.GetProperty("subject").GetString());
        Assert.Equal("admin", entry.GetProperty("by").GetString());
        Assert.Equal(BaoCaoApp.Start, entry.GetProperty("at").GetDateTimeOffset());
        // Only the dates that differ from the defaults: Tết Đinh Mùi is longer, names and 20/2 and 24/11 are new.
        var before = entry.GetProperty("before").GetString()!;
        var after = entry.GetProperty("after").GetString()!;
        Assert.StartsWith("Theo ngày nghỉ luật định: ", before);
        Assert.StartsWith("Lịch mới nhập: ", after);
        Assert.Contains("12/02/2027 không có", before);
        Assert.Contains("12/02/2027 nghỉ (Tết Nguyên đán Đinh Mùi)", after);
        Assert.Contains("10/02/2027 nghỉ bù (Nghỉ bù Tết Nguyên đán Đinh Mùi)", before);
        Assert.Contains("10/02/2027 nghỉ (Tết Nguyên đán Đinh Mùi)", after);
        Assert.Contains("24/11/2027 không có", before);
        Assert.Contains("24/11/2027 nghỉ (Ngày Văn hóa Việt Nam)", after);
        Assert.DoesNotContain("01/01/2027", before + after); // the same day, kind and name in both
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/workflow/audit/verify")).GetProperty("valid").GetBoolean());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_officer_or_a_unit_leader_is_refused_and_nothing_changes(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");
        var before = await HolidaysAsync(app, 2026);

        var put = await officer.PutAsJsonAsync("/api/calendar/schedules/2026", Shipped(2026, days => days.Where(d => d.Date.Month != 2)));
        var forced = await officer.PutAsJsonAsync("/api/calendar/schedules/2025?force=true&reason=x", Shipped(2025));
        var delete = await officer.DeleteAsync("/api/calendar/schedules/2026");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(before, await HolidaysAsync(app, 2026));
        Assert.Equal(OfficialSchedules.Shipped().Count(), await app.InScopeAsync(sp => sp.GetRequiredService<DeadlinesDbContext>().OfficialDays.CountAsync()));
        await Task.Delay(500);
        Assert.Empty(await AuditAsync(admin, 2026));
        Assert.Empty(await AuditAsync(admin, 2025));
    }

    public static TheoryData<int> ShippedYears => [2024, 2025, 2026];

    [Theory, MemberData(nameof(ShippedYears))]
    public void The_shipped_schedules_hold_every_statutory_holiday(int year) =>
        Assert.Empty(StatutoryHolidays.MissingFrom(year, OfficialSchedules.Shipped().Where(d => d.ScheduleYear == year).Select(d => (d.Date, d.Kind))));

    [Fact]
    public void The_statutory_defaults_hold_every_statutory_holiday()
    {
        var calendar = new HolidayCalendar([]);
        var failing = Enumerable.Range(2027, 74).Where(year => StatutoryHolidays.MissingFrom(year, calendar.YearOf(year).Select(d => (d.Date, d.Kind))).Count > 0);
        Assert.Empty(failing);
    }

    // Each statutory day of 2026 taken out of the shipped schedule is refused by name.
    [Theory]
    [InlineData("2026-01-01", "Tết Dương lịch (01/01/2026)")]
    [InlineData("2026-02-18", "Tết Âm lịch (mùng 1–3 tháng Giêng: 17/02–19/02/2026")]
    [InlineData("2026-02-20", "Tết Âm lịch")] // mùng 4: five weekdays off are still needed
    [InlineData("2026-04-26", "Giỗ Tổ Hùng Vương (10/3 âm lịch: 26/04/2026)")]
    [InlineData("2026-04-27", "Giỗ Tổ Hùng Vương")] // its compensatory day (10/3 lunar is a Sunday)
    [InlineData("2026-04-30", "Ngày Chiến thắng (30/04/2026)")]
    [InlineData("2026-05-01", "Ngày Quốc tế Lao động (01/05/2026)")]
    [InlineData("2026-09-02", "Quốc khánh (02/09/2026")]
    [InlineData("2026-09-01", "Quốc khánh")] // the adjacent day (3/9 is not listed)
    public void A_shipped_year_missing_one_statutory_day_names_it(string removed, string name)
    {
        var days = OfficialSchedules.Shipped().Where(d => d.ScheduleYear == 2026 && d.Date != D(removed)).Select(d => (d.Date, d.Kind));
        var missing = StatutoryHolidays.MissingFrom(2026, days);
        Assert.Contains(missing, m => m.StartsWith(name, StringComparison.Ordinal));
        Assert.Single(missing);
    }
}
