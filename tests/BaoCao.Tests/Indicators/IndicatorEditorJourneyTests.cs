using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Indicators;

/// <summary>In Chromium: an administrator finds indicators without typing diacritics, then creates a computed indicator,
/// sees the formula error as they type (or as they leave the field), fixes it and saves.</summary>
public sealed class IndicatorEditorJourneyTests
{
    [ChromiumFact]
    public async Task An_administrator_creates_a_computed_indicator_and_sees_the_formula_error_before_fixing_it()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString() });
        await Browser.SignInAsync(page, "admin");

        await Browser.GotoInteractiveAsync(page, "/chi-so");
        await page.GetByLabel("Tìm theo mã hoặc tên (gõ không dấu cũng được)").FillAsync("thu ngan sach");
        await AfterTypingAsync(app, async () => await page.Locator("tr", new() { HasTextString = "GRDP_HH" }).CountAsync() == 0); // filtered as typed
        await page.Locator("tr", new() { HasTextString = "DT_THU_NSNN" }).WaitForAsync();
        await Browser.KeepScreenshotAsync(page, "indicators-catalogue-search");

        await page.ClickAsync("[data-testid=new-indicator]");
        await page.WaitForURLAsync(url => url.EndsWith("/chi-so/moi"));
        await page.GetByLabel("Mã chỉ số").WaitForAsync();
        await page.GetByLabel("Mã chỉ số").FillAsync("TT_THU_ND_KIEM_THU");
        await page.GetByLabel("Tên chỉ số").FillAsync("Tỷ trọng thu nội địa (kiểm thử)");
        await page.GetByLabel("Đơn vị chủ trì (mã)").FillAsync("STC");
        await page.Locator(".mud-select", new() { Has = page.Locator("label", new() { HasTextString = "Đơn vị tính" }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "%" }).First.ClickAsync();
        var formula = page.GetByLabel("Công thức (để trống nếu là chỉ số nhập liệu)");
        await formula.FillAsync("[THU_NOI_DIA] / [THU_NSNN_SAI] * 100");
        await formula.PressAsync("Tab"); // leaving the field before the pause ends must still check it
        var check = page.Locator("[data-testid=formula-check]");
        await AfterTypingAsync(app, () => check.GetByText("Không có chỉ số mã [THU_NSNN_SAI] trong danh mục.", new() { Exact = false }).IsVisibleAsync());
        await Browser.KeepScreenshotAsync(page, "indicators-formula-error");
        await page.ClickAsync("[data-testid=save]");
        await page.Locator("[data-testid=save-error]").WaitForAsync(); // the refusal has come back
        Assert.EndsWith("/chi-so/moi", page.Url); // refused: nothing saved

        await formula.FillAsync("[THU_NOI_DIA] / [THU_NSNN] * 100");
        await AfterTypingAsync(app, () => check.GetByText("Công thức hợp lệ.").IsVisibleAsync());
        Assert.True(await check.GetByRole(AriaRole.Link, new() { Name = "THU_NSNN" }).IsVisibleAsync(), "the inputs are listed");
        await page.ClickAsync("[data-testid=save]");
        await SavedAsync(page, "/chi-so/TT_THU_ND_KIEM_THU");
        await page.GetByText("Phiên bản 1").First.WaitForAsync();
        await Browser.KeepScreenshotAsync(page, "indicators-created");
    }

    /// <summary>Waits to land on the saved indicator; if the page stays, fails with what the page says was wrong.</summary>
    private static async Task SavedAsync(IPage page, string url)
    {
        try
        {
            await page.WaitForURLAsync(u => u.EndsWith(url), new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            await Browser.KeepScreenshotAsync(page, "indicators-save-failed");
            var said = await page.Locator("[data-testid=save-error], .mud-input-error .mud-input-helper-text, [data-testid=formula-check]").AllInnerTextsAsync();
            Assert.Fail($"The indicator was not saved; the page says: {string.Join(" | ", said)}");
        }
    }

    /// <summary>MudBlazor's debounce runs on the app's fake clock: advance it until what the typing causes is seen — the
    /// keystrokes may reach the circuit after a first advance on a busy machine. Fails if it is never seen.</summary>
    private static async Task AfterTypingAsync(BaoCaoApp app, Func<Task<bool>> seen)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(250);
            if (await seen())
                return;
        }
        Assert.Fail("What typing should cause was not seen after 40 debounce periods.");
    }
}
