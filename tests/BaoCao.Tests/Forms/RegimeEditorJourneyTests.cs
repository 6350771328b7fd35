using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Forms;

/// <summary>In Chromium: the province office issues an ad hoc regime; a missing element is named beside its field.</summary>
public sealed class RegimeEditorJourneyTests
{
    [ChromiumFact]
    public async Task The_province_office_issues_an_ad_hoc_regime_and_sees_which_element_is_missing()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1500, Height = 1200 } });
        await Browser.SignInAsync(page, "admin");

        await Browser.GotoInteractiveAsync(page, "/che-do-bao-cao");
        await page.ClickAsync("[data-testid=new-regime]");
        var editor = page.Locator("[data-testid=regime-editor]");
        await editor.GetByLabel("Mã", new() { Exact = true }).FillAsync("BC-BAO-SO-3");
        await editor.GetByLabel("Tên chế độ báo cáo").FillAsync("Báo cáo nhanh thiệt hại do bão số 3");
        await editor.GetByLabel("Đơn vị báo cáo (mã, cách nhau dấu phẩy)").FillAsync("X-HAIHAU, X-GIAOTHUY");
        await editor.GetByLabel("Đề cương (mỗi dòng một đề mục; hướng dẫn sau dấu |)").FillAsync("I. Thiệt hại về người | Số người chết, mất tích, bị thương\nII. Thiệt hại về nhà ở");
        await page.ClickAsync("[data-testid=save-regime]");
        await Assertions.Expect(editor).ToContainTextAsync("Cần nêu nội dung yêu cầu báo cáo");
        await Browser.KeepScreenshotAsync(page, "forms-regime-missing-element");

        await editor.GetByLabel("Nội dung yêu cầu báo cáo").FillAsync("Thiệt hại về người, nhà ở, sản xuất nông nghiệp và hạ tầng.");
        await Browser.MakeRegimeAdHocAsync(page, editor, "04/12/2026", "20/11/2026", "30/11/2026");
        await page.ClickAsync("[data-testid=save-regime]");
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-main-content")).ToContainTextAsync("I. Thiệt hại về người");
        await Assertions.Expect(page.Locator(".mud-main-content")).ToContainTextAsync("Ngày 04/12/2026");
    }
}
