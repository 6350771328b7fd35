using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

/// <summary>A fresh demo has a month to show (relative to today, 27/11/2026 in the tests): November's socio-economic
/// report was due on 20/11 — Industry and Trade sent it on time, Tourism late, Agriculture is writing, Finance has not
/// started — and the officer's home lists what their unit still owes.</summary>
public sealed class HomeTests(SharedApp fixture) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_officers_home_lists_the_reports_their_unit_owes_with_the_working_days_left()
    {
        var officer = await fixture.Instance.SignedInAsAsync("canbo.stc");

        var mine = await officer.GetFromJsonAsync<JsonElement[]>("/api/deadlines/mine");
        var home = WebUtility.HtmlDecode(await officer.GetStringAsync("/"));

        var november = mine!.Single(p => p.GetProperty("regimeCode").GetString() == "BC-KTXH-THANG" && p.GetProperty("period").GetString() == "202611");
        Assert.Equal(("STC", "2026-11-20"), (november.GetProperty("unitCode").GetString(), november.GetProperty("dueDate").GetString()));
        Assert.Equal(-5, november.GetProperty("workingDaysLeft").GetInt32()); // 23, 24, 25, 26, 27 November
        Assert.Contains("Báo cáo đơn vị cần gửi", home);
        Assert.Contains("quá hạn 5 ngày làm việc", home);
    }

    [Fact]
    public async Task The_demo_month_shows_on_time_late_writing_and_not_started_units()
    {
        var admin = await fixture.Instance.SignedInAsAsync("admin");

        var status = await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/status?regime=BC-KTXH-THANG&period=202611");
        var board = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/reports/tracking?regimeCode=BC-KTXH-THANG&period=202611");

        var units = status!.ToDictionary(s => s.GetProperty("unitCode").GetString()!, s => (s.GetProperty("onTime").GetInt32(), s.GetProperty("late").GetInt32(), s.GetProperty("missing").GetInt32()));
        Assert.Equal((1, 0, 0), units["SCT"]);
        Assert.Equal((0, 1, 0), units["SDL"]);
        Assert.Equal((0, 0, 1), units["SNNMT"]);
        Assert.Equal((0, 0, 1), units["STC"]);
        Assert.Equal(["NotStarted", "Writing", "Sent", "Sent"], board.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("status").GetString()!));
    }
}
