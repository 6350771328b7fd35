using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Workflow;

/// <summary>In Chromium: the officer submits, the leader returns it with a reason, the officer fixes a value and submits
/// again, the leader sees exactly the changed cell and approves; then the report is written, approved, sent and received
/// by the province office.</summary>
public sealed class ApprovalJourneyTests
{
    [ChromiumFact]
    public async Task Officer_submits_leader_returns_officer_fixes_and_resubmits_leader_approves_and_the_report_is_sent_and_received()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1500, Height = 1000 } });
            var page = await context.NewPageAsync();
            await Browser.SignInAsync(page, user);
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

        // The report: the officer starts it from the template, writes the narrative, submits; the leader approves; it is sent.
        const string Report = "/bao-cao/BC-KTXH-THANG/STC/202610";
        await Browser.GotoInteractiveAsync(officer, "/bao-cao");
        await officer.FillAsync("#new-period", "202610");
        await officer.ClickAsync("[data-testid=open-report]");
        await officer.WaitForURLAsync(url => url.EndsWith(Report));
        await Browser.WriteNarrativeAsync(officer, "Thu ngân sách tháng 10 đạt khá.");
        await Assertions.Expect(officer.Locator("[data-testid=report-table] tr[data-indicator=THU_DAT]")).ToContainTextAsync("333,3");
        await Browser.SubmitApproveAndSendReportAsync(officer, leader, Report);
        await Assertions.Expect(officer.Locator("[data-testid=late]")).ToBeVisibleAsync(); // October's report was due on 20 October

        var office = await SignInAsync("admin");
        await Browser.GotoInteractiveAsync(office, "/bao-cao");
        await office.GetByRole(AriaRole.Tab, new() { Name = "Báo cáo gửi đến" }).ClickAsync();
        await office.Locator($"[data-testid=incoming-reports] a[href='{Report}']").ClickAsync();
        await office.WaitForURLAsync(url => url.EndsWith(Report));
        await Assertions.Expect(office.Locator("[data-testid=section-0]")).ToContainTextAsync("Thu ngân sách tháng 10 đạt khá.");
        await office.ClickAsync("[data-testid=action-receive]");
        await Assertions.Expect(office.Locator("[data-testid=state]")).ToHaveTextAsync("Đơn vị nhận đã tiếp nhận");
        await Browser.KeepScreenshotAsync(office, "workflow-report-received");
    }
}
