using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

/// <summary>The lead unit opens and closes reception of a period (Đ14.4); after closing a report is refused or accepted as
/// late, as the regime says; the reporting units are told by e-mail.</summary>
public sealed class ReceptionTests
{
    private static async Task<HttpResponseMessage> ApproveAndSendAsync(BaoCaoApp app, string regime, string period)
    {
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var path = $"/api/workflow/reports/{regime}/STC/{period}";
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = regime, unitCode = "STC", period })).Content.ReadFromJsonAsync<JsonElement>();
        var sections = draft.GetProperty("narrative").EnumerateArray().Select(s => new { heading = s.GetProperty("heading").GetString(), html = "<p>Không có.</p>" }).ToArray();
        await officer.PutAsJsonAsync($"{path}/narrative", new { sections, version = draft.GetProperty("version").GetInt64() });
        await Workflow.ReportTests.ApproveTableDataAsync(officer, leader, path, ("THU_NSNN", 1_250m));
        await officer.PostAsync($"{path}/submit", null);
        await leader.PostAsync($"{path}/approve", null);
        return await officer.PostAsync($"{path}/send", null);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task After_closing_a_refusing_regime_refuses_and_reopening_accepts_as_late(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(database, smtp.Settings);
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-DONG-NHAN", name = "Báo cáo tình hình giải ngân", content = "Giải ngân vốn đầu tư công.", kind = "Periodic", frequency = "Month",
            reportingUnits = new[] { "STC" }, receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo",
            lateSubmission = "Refuse", outline = new[] { new { title = "I. Kết quả giải ngân" } },
        })).StatusCode);
        var leaderOfFinance = await app.SignedInAsAsync("lanhdao.stc");

        var notTheirs = await leaderOfFinance.PutAsJsonAsync("/api/deadlines/reception/BC-DONG-NHAN/202610", new { closesOn = "2026-11-25" });
        var closed = await (await admin.PutAsJsonAsync("/api/deadlines/reception/BC-DONG-NHAN/202610", new { closesOn = "2026-11-25" })).Content.ReadFromJsonAsync<JsonElement>();
        var told = await smtp.WaitForMessageToAsync("stc@ninhbinh.gov.vn");
        var refused = await ApproveAndSendAsync(app, "BC-DONG-NHAN", "202610");
        var officer = await app.SignedInAsAsync("canbo.stc");
        var page = await officer.GetFromJsonAsync<JsonElement>("/api/workflow/reports/BC-DONG-NHAN/STC/202610");
        var reopened = await admin.PutAsJsonAsync("/api/deadlines/reception/BC-DONG-NHAN/202610", new { closesOn = "2026-11-30", version = closed.GetProperty("version").GetInt64() });
        var sent = await (await officer.PostAsync("/api/workflow/reports/BC-DONG-NHAN/STC/202610/send", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(("2026-11-25", "Refuse"), (closed.GetProperty("closesOn").GetString(), closed.GetProperty("lateSubmission").GetString()));
        Assert.Contains("đóng tiếp nhận sau ngày 25/11/2026 (sau đó không nhận báo cáo)", told.TextBody);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Đã đóng tiếp nhận báo cáo kỳ 202610", (await refused.ReadProblemAsync()).Detail);
        Assert.Contains("không nhận báo cáo muộn", page.GetProperty("reception").GetString());
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(("Sent", true), (sent.GetProperty("state").GetString(), sent.GetProperty("late").GetBoolean()));
    }

    [Fact]
    public async Task Before_opening_a_report_is_refused_and_after_an_early_closing_it_is_accepted_as_late_before_its_due_date()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");

        await admin.PutAsJsonAsync("/api/deadlines/reception/BC-KTXH-THANG/202612", new { opensOn = "2026-12-01" });
        var early = await ApproveAndSendAsync(app, "BC-KTXH-THANG", "202612");
        var window = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/reception/BC-KTXH-THANG/202612");
        await admin.PutAsJsonAsync("/api/deadlines/reception/BC-KTXH-THANG/202612", new { opensOn = "2026-11-01", closesOn = "2026-11-26", version = window.GetProperty("version").GetInt64() });
        var officer = await app.SignedInAsAsync("canbo.stc");
        var late = await (await officer.PostAsync("/api/workflow/reports/BC-KTXH-THANG/STC/202612/send", null)).Content.ReadFromJsonAsync<JsonElement>();
        var backwards = await admin.PutAsJsonAsync("/api/deadlines/reception/BC-KTXH-THANG/202612", new { opensOn = "2026-12-10", closesOn = "2026-12-01" });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Chưa mở tiếp nhận báo cáo kỳ 202612: tiếp nhận từ ngày 01/12/2026", (await early.ReadProblemAsync()).Detail);
        Assert.Equal("2026-12-21", window.GetProperty("dueDate").GetString()); // 20/12/2026 is a Sunday
        Assert.Equal(("Sent", true), (late.GetProperty("state").GetString(), late.GetProperty("late").GetBoolean()));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }
}
