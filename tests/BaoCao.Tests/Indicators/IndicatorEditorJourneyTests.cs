using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Indicators;

/// <summary>In Chromium: an administrator finds indicators without typing diacritics, then creates a computed indicator,
/// sees the formula error as they type, fixes it and saves.</summary>
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
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", BaoCaoApp.DemoPassword);
        await page.ClickAsync(".mud-main-content button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));

        await Browser.GotoInteractiveAsync(page, "/chi-so");
        await page.GetByLabel("Tìm theo mã hoặc tên (gõ không dấu cũng được)").FillAsync("thu ngan sach");
        AfterTyping(app);
        await Assertions.Expect(page.Locator("tr", new() { HasTextString = "GRDP_HH" })).ToHaveCountAsync(0); // filtered as typed
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
        AfterTyping(app);
        var check = page.Locator("[data-testid=formula-check]");
        await check.GetByText("Không có chỉ số mã [THU_NSNN_SAI] trong danh mục.", new() { Exact = false }).WaitForAsync();
        await Browser.KeepScreenshotAsync(page, "indicators-formula-error");
        await page.ClickAsync("[data-testid=save]");
        Assert.EndsWith("/chi-so/moi", page.Url); // refused: nothing saved

        await formula.FillAsync("[THU_NOI_DIA] / [THU_NSNN] * 100");
        AfterTyping(app);
        await check.GetByText("Công thức hợp lệ.").WaitForAsync();
        Assert.True(await check.GetByRole(AriaRole.Link, new() { Name = "THU_NSNN" }).IsVisibleAsync(), "the inputs are listed");
        await page.ClickAsync("[data-testid=save]");
        await page.WaitForURLAsync(url => url.EndsWith("/chi-so/TT_THU_ND_KIEM_THU"));
        await page.GetByText("Phiên bản 1").First.WaitForAsync();
        await Browser.KeepScreenshotAsync(page, "indicators-created");
    }

    // MudBlazor's debounce runs on the injected TimeProvider: the test's clock has to move for "after typing" to come.
    private static void AfterTyping(BaoCaoApp app)
    {
        Thread.Sleep(200); // the keystrokes reach the circuit first
        app.Clock.Advance(TimeSpan.FromSeconds(1));
    }
}
