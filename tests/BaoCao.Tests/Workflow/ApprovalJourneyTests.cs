using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Workflow;

/// <summary>In Chromium, two people: the officer submits, the leader returns it with a reason, the officer fixes a
/// value and submits again, the leader sees exactly the changed cell and approves.</summary>
public sealed class ApprovalJourneyTests
{
    [ChromiumFact]
    public async Task Officer_submits_leader_returns_officer_fixes_and_resubmits_leader_sees_the_change_and_approves()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1500, Height = 1000 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/dang-nhap");
            await page.FillAsync("#userName", user);
            await page.FillAsync("#password", BaoCaoApp.DemoPassword);
            await page.ClickAsync(".mud-main-content button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"));
            return page;
        }
        const string Approval = "/duyet-so-lieu/BM-TC-THANG/STC/202610";
        var officer = await SignInAsync("canbo.stc");
        var leader = await SignInAsync("lanhdao.stc");

        await Browser.GotoInteractiveAsync(officer, Approval);
        await officer.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Chờ duyệt");

        await Browser.GotoInteractiveAsync(leader, "/duyet-so-lieu");
        await leader.GetByRole(AriaRole.Link, new() { Name = "BM-TC-THANG" }).ClickAsync();
        await leader.WaitForURLAsync(url => url.EndsWith(Approval));
        await leader.GetByLabel("Lý do (khi trả lại hoặc mở lại)").FillAsync("Thu tiền sử dụng đất chưa khớp với Kho bạc.");
        await leader.ClickAsync("[data-testid=return]");
        await Assertions.Expect(leader.Locator("[data-testid=state]")).ToHaveTextAsync("Bị trả lại");

        await Browser.GotoInteractiveAsync(officer, "/nhap-lieu/BM-TC-THANG/STC/202610");
        await Assertions.Expect(officer.Locator("[data-testid=returned]")).ToContainTextAsync("Thu tiền sử dụng đất chưa khớp với Kho bạc.");
        var land = officer.Locator("[data-testid=form-grid] tr[data-indicator=THU_DAT][data-disaggregation=''] input.cell[data-c='0']");
        await land.ClickAsync();
        await land.FillAsync("333,3");
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.Locator("[data-testid=save-status]")).ToContainTextAsync("Đã lưu");
        await officer.ClickAsync("[data-testid=to-approval]");
        await officer.WaitForURLAsync(url => url.EndsWith(Approval));
        await Browser.GotoInteractiveAsync(officer, Approval);
        await officer.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Chờ duyệt");

        await Browser.GotoInteractiveAsync(leader, Approval);
        await Assertions.Expect(leader.Locator("[data-testid=diff] tbody tr")).ToHaveCountAsync(11); // first approval: each of the 11 entered cells is new
        await Assertions.Expect(leader.Locator("[data-testid=diff]")).ToContainTextAsync("333,3");
        await Browser.KeepScreenshotAsync(leader, "workflow-approval-diff");
        await leader.ClickAsync("[data-testid=approve]");
        await Assertions.Expect(leader.Locator("[data-testid=state]")).ToHaveTextAsync("Đã duyệt");
        await Browser.GotoInteractiveAsync(officer, "/nhap-lieu/BM-TC-THANG/STC/202610");
        await Assertions.Expect(officer.Locator("[data-testid=locked]")).ToContainTextAsync("đã được duyệt");
        Assert.Equal(0, await officer.Locator("[data-testid=form-grid] input.cell").CountAsync());
    }
}
