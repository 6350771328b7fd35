using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Workflow;

/// <summary>In Chromium, at 1366×768 and on a 390×844 phone: the officer's report whose table part lacks approved data
/// lists the forms and cannot be submitted; once the administrator allows incomplete tables for the regime (its page's
/// checkbox), the officer confirms, submits, and the report carries “SỐ LIỆU CHƯA ĐẦY ĐỦ”.</summary>
public sealed class IncompleteReportJourneyTests
{
    private const string Report = "/bao-cao/BC-KTXH-THANG/STC/202610";

    internal static async Task<IPage> OpenAsync(IBrowser browser, BaoCaoApp app, string user, bool phone)
    {
        var context = await browser.NewContextAsync(phone
            ? new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }
            : new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, user);
        return page;
    }

    /// <summary>Nothing on the page is wider than the phone's screen.</summary>
    internal static async Task AssertNoHorizontalOverflowAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = page.ViewportSize!.Width;
        Assert.True(width <= viewport, $"{what}: the page is {width} px wide on a {viewport} px screen");
    }

    /// <summary>A MudCheckBox's box, wherever MudBlazor puts the test id (on the input or around it).</summary>
    internal static ILocator CheckBox(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [ChromiumFact]
    public async Task A_report_lacking_approved_data_lists_the_forms_is_held_back_and_once_allowed_is_submitted_confirmed_and_marked()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var officer = await OpenAsync(browser, app, "canbo.stc", phone: false);
        var phone = await OpenAsync(browser, app, "canbo.stc", phone: true);

        await Browser.GotoInteractiveAsync(officer, Report);
        await Browser.WriteNarrativeAsync(officer, "Thu ngân sách tháng 10 đạt khá.");
        var missing = officer.Locator("[data-testid=missing-approvals]");
        await Assertions.Expect(missing).ToContainTextAsync("Phần bảng số liệu còn thiếu số liệu đã duyệt");
        await Assertions.Expect(missing.Locator("li").First).ToContainTextAsync("Sở Tài chính");
        await Assertions.Expect(missing).ToContainTextAsync("Báo cáo trình được khi số liệu các biểu trên đã được duyệt.");
        await Assertions.Expect(officer.Locator("[data-testid=action-submit]")).ToBeDisabledAsync();
        await Assertions.Expect(officer.Locator("[data-testid=confirm-incomplete]")).ToHaveCountAsync(0);
        await Browser.KeepScreenshotAsync(officer, "workflow-report-missing-approvals-1366");

        await Browser.GotoInteractiveAsync(phone, Report);
        await Assertions.Expect(phone.Locator("[data-testid=missing-approvals] li").First).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("[data-testid=action-submit]")).ToBeDisabledAsync();
        await AssertNoHorizontalOverflowAsync(phone, "the report lacking approved data");
        var item = await phone.Locator("[data-testid=missing-approvals] li").First.BoundingBoxAsync();
        Assert.True(item!.X >= 0 && item.X + item.Width <= 390, $"the list item lies within the screen ({item.X} + {item.Width})");
        await Browser.KeepScreenshotAsync(phone, "workflow-report-missing-approvals-390");

        // The administrator allows incomplete tables for the regime on its page.
        var admin = await OpenAsync(browser, app, "admin", phone: false);
        await Browser.GotoInteractiveAsync(admin, "/che-do-bao-cao/BC-KTXH-THANG");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sửa đổi, bổ sung" }).ClickAsync();
        await CheckBox(admin, "allow-incomplete").CheckAsync();
        await admin.ClickAsync("[data-testid=save-regime]");
        await Assertions.Expect(admin.Locator("[data-testid=regime-editor]")).ToHaveCountAsync(0);

        await Browser.GotoInteractiveAsync(officer, Report);
        var submit = officer.Locator("[data-testid=action-submit]");
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await CheckBox(officer, "confirm-incomplete").CheckAsync();
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await Browser.KeepScreenshotAsync(officer, "workflow-report-confirm-incomplete-1366");
        await Browser.GotoInteractiveAsync(phone, Report);
        await Assertions.Expect(phone.Locator("[data-testid=confirm-incomplete]")).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(phone, "the confirmation");
        await Browser.KeepScreenshotAsync(phone, "workflow-report-confirm-incomplete-390");

        await submit.ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Chờ lãnh đạo duyệt");
        await Assertions.Expect(officer.Locator("[data-testid=incomplete]")).ToContainTextAsync("SỐ LIỆU CHƯA ĐẦY ĐỦ");
        Assert.StartsWith("SỐ LIỆU CHƯA ĐẦY ĐỦ", (await officer.Locator("[data-testid=incomplete]").InnerTextAsync()).Trim());
        await Assertions.Expect(officer.Locator("[data-testid=missing-approvals]")).ToHaveCountAsync(0);
        await Browser.KeepScreenshotAsync(officer, "workflow-report-incomplete-1366");
        await Browser.GotoInteractiveAsync(phone, Report);
        await Assertions.Expect(phone.Locator("[data-testid=incomplete]")).ToContainTextAsync("SỐ LIỆU CHƯA ĐẦY ĐỦ");
        await AssertNoHorizontalOverflowAsync(phone, "the submitted incomplete report");
        await Browser.KeepScreenshotAsync(phone, "workflow-report-incomplete-390");
    }
}
