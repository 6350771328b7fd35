using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;
using BaoCao.Tests.Workflow;
using Microsoft.Playwright;

namespace BaoCao.Tests.Deadlines;

/// <summary>In Chromium, as the administrator at 1366×768 and on a 390×844 phone: the compliance report for October is
/// generated, a unit sends late, it is generated again; the generations are listed with their files, and the earlier one
/// is shown on request, marked as replaced.</summary>
public sealed class ComplianceJourneyTests
{
    /// <summary>Writes, approves the table data of, submits, approves and sends a unit's report, through the real server.</summary>
    private static async Task SendReportAsync(BaoCaoApp app, string regime, string unit, string period)
    {
        using var officer = await app.SignedInOverTheNetworkAsync($"canbo.{unit.ToLowerInvariant()}");
        using var leader = await app.SignedInOverTheNetworkAsync($"lanhdao.{unit.ToLowerInvariant()}");
        var path = $"/api/workflow/reports/{regime}/{unit}/{period}";
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = regime, unitCode = unit, period })).Content.ReadFromJsonAsync<JsonElement>();
        var sections = draft.GetProperty("narrative").EnumerateArray().Select(s => new { heading = s.GetProperty("heading").GetString(), html = "<p>Không có.</p>" }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{path}/narrative", new { sections, version = draft.GetProperty("version").GetInt64() })).StatusCode);
        await ReportTests.ApproveTableDataAsync(officer, leader, path);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{path}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"{path}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{path}/send", null)).StatusCode);
    }

    [ChromiumFact]
    public async Task The_administrator_generates_twice_sees_both_generations_with_their_files_and_views_the_earlier_one()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        await SendReportAsync(app, "BC-KTXH-THANG", "STC", "202610"); // due 20 October: late
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var admin = await IncompleteReportJourneyTests.OpenAsync(browser, app, "admin", phone: false);
        var phone = await IncompleteReportJourneyTests.OpenAsync(browser, app, "admin", phone: true);
        const string Page = "/thoi-han/tuan-thu?ky=202610";

        await Browser.GotoInteractiveAsync(admin, Page);
        await admin.ClickAsync("[data-testid=generate]");
        await Assertions.Expect(admin.Locator("[data-testid=summary]")).ToContainTextAsync("tỷ lệ đúng hạn");
        await Assertions.Expect(admin.Locator("[data-testid=ranking]")).ToContainTextAsync("Sở Tài chính");
        await Assertions.Expect(admin.Locator("[data-testid=generate]")).ToHaveTextAsync("Lập lại");
        await Assertions.Expect(admin.Locator("[data-testid=generations]")).ToHaveCountAsync(0);

        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("Đã lập báo cáo kỳ 202610 (lần 1).");
        await Assertions.Expect(admin.Locator("[data-testid=summary]")).ToContainTextAsync("1 đã gửi (0 đúng hạn, 1 muộn)");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await SendReportAsync(app, "BC-KTXH-THANG", "SCT", "202610");
        await admin.ClickAsync("[data-testid=generate]");
        await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync("Đã lập báo cáo kỳ 202610 (lần 2).");
        await Assertions.Expect(admin.Locator("[data-testid=summary]")).ToContainTextAsync("2 đã gửi (0 đúng hạn, 2 muộn)");
        var generations = admin.Locator("[data-testid=generations]");
        await Assertions.Expect(generations.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(generations.Locator("tbody tr").Nth(0)).ToContainTextAsync("2");
        await Assertions.Expect(generations.Locator("tbody tr").Nth(0)).ToContainTextAsync("Đang xem");
        await Assertions.Expect(generations.Locator("tbody tr").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Xem", Exact = true })).ToHaveAttributeAsync("href", "/thoi-han/tuan-thu?ky=202610&lan=1");
        foreach (var row in new[] { 0, 1 })
        {
            await Assertions.Expect(generations.Locator("tbody tr").Nth(row).GetByRole(AriaRole.Link, new() { Name = ".xlsx" })).ToHaveAttributeAsync("href", $"/api/deadlines/compliance/202610/export?format=xlsx&generation={2 - row}");
            await Assertions.Expect(generations.Locator("tbody tr").Nth(row).GetByRole(AriaRole.Link, new() { Name = ".docx" })).ToHaveAttributeAsync("href", $"/api/deadlines/compliance/202610/export?format=docx&generation={2 - row}");
        }
        await Browser.KeepScreenshotAsync(admin, "deadlines-compliance-generations-1366");

        await generations.Locator("tbody tr").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Xem", Exact = true }).ClickAsync();
        var earlier = admin.Locator("[data-testid=earlier-generation]");
        await Assertions.Expect(earlier).ToContainTextAsync("Đang xem lần lập 1, đã được thay bằng lần lập 2.");
        await Assertions.Expect(admin.Locator("[data-testid=summary]")).ToContainTextAsync("1 đã gửi (0 đúng hạn, 1 muộn)");
        await Assertions.Expect(generations.Locator("tbody tr").Nth(1)).ToContainTextAsync("Đang xem");
        await Browser.KeepScreenshotAsync(admin, "deadlines-compliance-earlier-1366");
        await earlier.GetByText("Xem lần lập mới nhất").ClickAsync();
        await Assertions.Expect(earlier).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("[data-testid=summary]")).ToContainTextAsync("2 đã gửi");
        await Assertions.Expect(admin.Locator("[data-testid=summary]")).Not.ToContainTextAsync("..");

        await Browser.GotoInteractiveAsync(phone, Page);
        await Assertions.Expect(phone.Locator("[data-testid=generate]")).ToHaveTextAsync("Lập lại");
        await Assertions.Expect(phone.Locator("[data-testid=generations] tbody tr")).ToHaveCountAsync(2);
        await IncompleteReportJourneyTests.AssertNoHorizontalOverflowAsync(phone, "the compliance report");
        await Browser.KeepScreenshotAsync(phone, "deadlines-compliance-generations-390");
        await phone.Locator("[data-testid=generations] tbody tr").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=earlier-generation]")).ToContainTextAsync("Đang xem lần lập 1");
        await IncompleteReportJourneyTests.AssertNoHorizontalOverflowAsync(phone, "the earlier generation");
        await Browser.KeepScreenshotAsync(phone, "deadlines-compliance-earlier-390");

        // The link opens the earlier generation by itself too (a new tab, a bookmark).
        await Browser.GotoInteractiveAsync(admin, "/thoi-han/tuan-thu?ky=202610&lan=1");
        await Assertions.Expect(admin.Locator("[data-testid=earlier-generation]")).ToContainTextAsync("Đang xem lần lập 1");
    }
}
