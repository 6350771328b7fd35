using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

public sealed class OfficialScheduleTests
{
    private static object[] Announcement2027 =>
    [
        new { date = "2027-01-01", kind = "Holiday", name = "Tết Dương lịch" },
        .. Enumerable.Range(0, 10).Select(i => (object)new { date = new DateOnly(2027, 2, 5).AddDays(i).ToString("yyyy-MM-dd"), kind = "Holiday", name = "Tết Nguyên đán Đinh Mùi" }),
        new { date = "2027-02-20", kind = "WorkingSaturday", name = "làm bù cho ngày 12/02/2027" },
        new { date = "2027-11-24", kind = "Holiday", name = "Ngày Văn hóa Việt Nam" },
    ];

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_province_office_enters_an_announced_year_and_it_replaces_the_defaults(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await ScopeTests.AsAsync(app, "admin");

        var entered = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", Announcement2027);
        var holidays = await app.CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/calendar/holidays?year=2027");
        var culture = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/working-day?date=2027-11-24");
        var mayDay = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/working-day?date=2027-04-30");

        Assert.Equal(HttpStatusCode.NoContent, entered.StatusCode);
        Assert.Equal(13, holidays!.Count); // the announcement, nothing else
        Assert.False(culture.GetProperty("isWorkingDay").GetBoolean()); // a new holiday needs no code
        Assert.True(mayDay.GetProperty("isWorkingDay").GetBoolean());   // not in this (partial) announcement

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/schedules/2027")).StatusCode);
        var defaults = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/working-day?date=2027-04-30");
        Assert.False(defaults.GetProperty("isWorkingDay").GetBoolean());
    }

    [Fact]
    public async Task Only_province_wide_administrators_enter_schedules_and_bad_days_are_refused()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await ScopeTests.AsAsync(app, "admin");
        var leader = await ScopeTests.AsAsync(app, "lanhdao.stc");

        var byLeader = await leader.PutAsJsonAsync("/api/calendar/schedules/2027", Announcement2027);
        var mondayAsSaturday = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", new[] { new { date = "2027-02-22", kind = "WorkingSaturday", name = "làm bù" } });
        var otherYear = await admin.PutAsJsonAsync("/api/calendar/schedules/2027", new[] { new { date = "2026-02-17", kind = "Holiday", name = "Tết" } });

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mondayAsSaturday.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherYear.StatusCode);
        Assert.Equal(27, (await app.CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/calendar/holidays?year=2026"))!.Count); // untouched
    }
}
