using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Workflow;

/// <summary>In Chromium, at 1366×768 and on a 390×844 phone: the leader opens a report's versions from the report page,
/// reads the returned version and compares it with the resubmitted one side by side.</summary>
public sealed class ReportVersionJourneyTests
{
    private const string Api = "/api/workflow/reports/BC-KTXH-THANG/STC/202610";

    [ChromiumFact]
    public async Task The_leader_reads_the_returned_version_and_compares_it_with_the_resubmitted_one()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        using var officer = await app.SignedInOverTheNetworkAsync("canbo.stc");
        using var leader = await app.SignedInOverTheNetworkAsync("lanhdao.stc");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null)).StatusCode);
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        var headings = draft.GetProperty("narrative").EnumerateArray().Select(s => s.GetProperty("heading").GetString()).ToList();
        async Task<long> WriteAsync(string first, long version) =>
            (await (await officer.PutAsJsonAsync($"{Api}/narrative", new
            {
                sections = headings.Select((h, i) => new { heading = h, html = i == 0 ? first : "<p>Không có.</p>" }).ToArray(),
                version,
            })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        await WriteAsync("<p>Thu ngân sách tháng 10 đạt khá.</p>", draft.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Api}/submit", null)).StatusCode);
        var returned = await (await leader.PostAsJsonAsync($"{Api}/return", new { reason = "Nêu rõ nguyên nhân tăng thu." })).Content.ReadFromJsonAsync<JsonElement>();
        await WriteAsync("<p>Thu ngân sách tháng 10 đạt khá nhờ thu tiền sử dụng đất tăng.</p>", returned.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Api}/submit", null)).StatusCode);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var desk = await IncompleteReportJourneyTests.OpenAsync(browser, app, "lanhdao.stc", phone: false);
        await Browser.GotoInteractiveAsync(desk, "/bao-cao/BC-KTXH-THANG/STC/202610");
        await desk.ClickAsync("[data-testid=versions]");
        await desk.WaitForURLAsync(url => url.EndsWith("/phien-ban"));
        await desk.Locator("[data-render-mode=interactive]").WaitForAsync();
        var list = desk.Locator("[data-testid=version-list]");
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(list.Locator("tr[data-version='2']")).ToContainTextAsync("Nêu rõ nguyên nhân tăng thu.");
        await desk.ClickAsync("[data-testid=show-2]");
        await Assertions.Expect(desk.Locator("[data-testid=version-view]")).ToContainTextAsync("Phiên bản 2: Lãnh đạo trả lại");
        await Assertions.Expect(desk.Locator("[data-testid=version-view]")).ToContainTextAsync("Thu ngân sách tháng 10 đạt khá.");
        await desk.ClickAsync("[data-testid=compare]"); // opens on the last two versions: 2 and 3
        var diff = desk.Locator("[data-testid=diff-narrative]");
        await Assertions.Expect(diff).ToContainTextAsync("Thu ngân sách tháng 10 đạt khá nhờ thu tiền sử dụng đất tăng.");
        await Assertions.Expect(diff.Locator("td.version-removed")).ToContainTextAsync("Thu ngân sách tháng 10 đạt khá.");
        await Browser.KeepScreenshotAsync(desk, "workflow-report-versions-1366");

        var phone = await IncompleteReportJourneyTests.OpenAsync(browser, app, "lanhdao.stc", phone: true);
        await Browser.GotoInteractiveAsync(phone, "/bao-cao/BC-KTXH-THANG/STC/202610/phien-ban");
        await phone.ClickAsync("[data-testid=compare]");
        await Assertions.Expect(phone.Locator("[data-testid=diff-narrative]")).ToBeVisibleAsync();
        await IncompleteReportJourneyTests.AssertNoHorizontalOverflowAsync(phone, "the version page");
        await Browser.KeepScreenshotAsync(phone, "workflow-report-versions-390");
    }
}
