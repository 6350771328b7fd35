using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Forms;

/// <summary>In Chromium: an officer opens a form, types values with the keyboard (Vietnamese number format), sees the
/// computed cells update, and finds the values again after a reload.</summary>
public sealed class DataEntryJourneyTests
{
    [ChromiumFact]
    public async Task An_officer_types_values_with_the_keyboard_sees_computed_cells_update_and_finds_them_after_a_reload()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        // November 2025's approved exports: the "% of the same period last year" reads approved figures, never drafts.
        await Dashboards.ApprovedFeed.AppendAsync(app, ("SCT", "KNXK", "202511", 455.2m));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
        await Browser.SignInAsync(page, "canbo.sct");

        await Browser.GotoInteractiveAsync(page, "/nhap-lieu");
        await page.ClickAsync("[data-testid=open-BM-CT-THANG-SCT-202611]");
        await page.WaitForURLAsync(url => url.EndsWith("/nhap-lieu/BM-CT-THANG/SCT/202611"));
        ILocator Row(string indicator) => page.Locator($"[data-testid=form-grid] tr[data-indicator={indicator}][data-disaggregation='']");
        var exports = Row("KNXK").Locator("input.cell[data-c='0']");
        await exports.ClickAsync();
        await page.Keyboard.TypeAsync("470,5");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("KNNK", await page.EvaluateAsync<string>("document.activeElement.closest('tr').dataset.indicator"));
        await page.Keyboard.TypeAsync("1.380");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("KNXK", await page.EvaluateAsync<string>("document.activeElement.closest('tr').dataset.indicator"));

        // Exports minus imports: the computed balance follows what was typed; the % of last year appears.
        await Assertions.Expect(Row("CAN_CAN_TM").Locator("td.computed[data-column=current]")).ToHaveTextAsync("-909,5");
        await Assertions.Expect(Row("KNXK").Locator("td.computed[data-column=pct_lastyear]")).ToHaveTextAsync("103,36"); // 470,5 / 455,2
        await Assertions.Expect(page.Locator("[data-testid=history-note]")).ToContainTextAsync("số liệu đã duyệt");
        await Assertions.Expect(page.Locator("[data-testid=save-status]")).ToContainTextAsync("Đã lưu");
        await Assertions.Expect(page.Locator("[data-testid=checks]")).ToContainTextAsync("KNNK"); // 1.380 is far above the unit's past imports
        await Browser.KeepScreenshotAsync(page, "forms-data-entry");

        await page.Keyboard.TypeAsync("1.5");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Row("KNXK").Locator("td.error")).ToHaveCountAsync(1);
        Assert.Contains("dấu phẩy", await Row("KNXK").Locator("td.error").GetAttributeAsync("title"));

        await Browser.GotoInteractiveAsync(page, "/nhap-lieu/BM-CT-THANG/SCT/202611");
        Assert.Equal("470,5", await Row("KNXK").Locator("input.cell[data-c='0']").InputValueAsync());
        Assert.Equal("1.380", await Row("KNNK").Locator("input.cell[data-c='0']").InputValueAsync());
    }
}
