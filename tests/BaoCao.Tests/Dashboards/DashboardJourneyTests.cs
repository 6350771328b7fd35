using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Dashboards;

/// <summary>In Chromium: the Department of Finance's leader opens the dashboard made for the department's leaders, changes
/// the period and unit filters and the charts follow; an anonymous visitor reads the public data page.</summary>
public sealed class DashboardJourneyTests
{
    [ChromiumFact]
    public async Task A_leader_opens_a_dashboard_changes_the_period_filter_and_the_chart_follows()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Demo:ApprovedHistory"] = "true" });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1500, Height = 1100 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, "lanhdao.stc");

        await Browser.GotoInteractiveAsync(page, "/bang-dieu-khien");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài chính - ngân sách" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/bang-dieu-khien/TAI-CHINH"));
        var chart = page.Locator("[data-testid=widget-2]");
        // The demo's approved history ends in August 2026: the default twelve months end there.
        await Assertions.Expect(chart.Locator("[data-testid=range]")).ToHaveTextAsync("T09/2025 – T08/2026");
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = "T08/2026" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=widget-0] [data-testid=kpi-value]")).Not.ToBeEmptyAsync();
        await Browser.KeepScreenshotAsync(page, "dashboards-default-range");

        await page.FillAsync("#from", "202601");
        await page.FillAsync("#to", "202603");
        await page.ClickAsync("[data-testid=apply]");
        await Assertions.Expect(chart.Locator("[data-testid=range]")).ToHaveTextAsync("T01/2026 – T03/2026");
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = "T03/2026" })).ToHaveCountAsync(1);
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = "T08/2026" })).ToHaveCountAsync(0);
        await Browser.KeepScreenshotAsync(page, "dashboards-first-quarter");

        // The unit filter is searched as typed, without diacritics.
        await page.FillAsync("#unit", "ngan sach");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Phòng Quản lý ngân sách" }).ClickAsync();
        await page.ClickAsync("[data-testid=apply]");
        await Assertions.Expect(page.Locator("[data-testid=shown-range]")).ToContainTextAsync("Phòng Quản lý ngân sách");

        await page.FillAsync("#to", "2026Q1");
        await page.ClickAsync("[data-testid=apply]");
        await Assertions.Expect(page.Locator("[data-testid=filter-error]")).ToContainTextAsync("cùng loại");

        var visitor = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString() })).NewPageAsync();
        await Browser.GotoInteractiveAsync(visitor, "/cong-khai");
        await Assertions.Expect(visitor.Locator("[data-testid=public-table]")).ToContainTextAsync("Ủy ban nhân dân tỉnh Ninh Bình");
        await Browser.KeepScreenshotAsync(visitor, "dashboards-public-data");
    }
}
