using BaoCao.Tests.Forms;
using BaoCao.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// A province's month in Chromium, end to end, with a real SMTP server: the province office issues a regime; the Department
/// of Finance's officer fills November's form in Excel and uploads it; the leader returns it with a reason, the officer
/// corrects it, the leader approves; the report with its narrative and an attached file is approved, sent and received by
/// the province office; after the regime's due date a unit that did not report gets its reminder e-mail; the office draws
/// up November's compliance report; the leader's dashboard shows the approved value. Every step leaves a screenshot under
/// artifacts/screenshots (province-month-*), and axe-core checks each main page: no serious or critical violation.
/// </summary>
public sealed class ProvinceMonthJourneyTests
{
    private const string Period = "202611";
    private const string Entry = $"/nhap-lieu/BM-TC-THANG/STC/{Period}";
    private const string Approval = $"/duyet-so-lieu/BM-TC-THANG/STC/{Period}";
    private const string Report = $"/bao-cao/BC-KTXH-THANG/STC/{Period}";

    [ChromiumFact]
    public async Task A_whole_province_month_runs_in_the_browser_and_its_main_pages_pass_axe()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite, smtp.Settings);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var accessibility = new List<string>();
        var step = 0;
        async Task<IPage> SignInAsync(string? user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
                { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1500, Height = 1000 }, AcceptDownloads = true });
            var page = await context.NewPageAsync();
            if (user is not null)
                await Browser.SignInAsync(page, user);
            return page;
        }
        async Task KeepAsync(IPage page, string name, bool checkAccessibility = true)
        {
            await Browser.KeepScreenshotAsync(page, $"province-month-{++step:00}-{name}");
            if (!checkAccessibility)
                return;
            // Snackbars fade in: measured mid-transition their text is paler than it ends up.
            await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
            var result = await page.RunAxe();
            accessibility.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{new Uri(page.Url).AbsolutePath}: {v.Impact} {v.Id} — {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html + " " + n.Any.FirstOrDefault()?.Message))})"));
        }

        var visitor = await SignInAsync(null);
        await visitor.GotoAsync("/dang-nhap");
        await KeepAsync(visitor, "sign-in");

        // 1. The province office issues an ad hoc regime owed by two departments.
        var office = await SignInAsync("admin");
        await KeepAsync(office, "home");
        await Browser.GotoInteractiveAsync(office, "/che-do-bao-cao");
        await office.ClickAsync("[data-testid=new-regime]");
        var editor = office.Locator("[data-testid=regime-editor]");
        await editor.GetByLabel("Mã", new() { Exact = true }).FillAsync("BC-BAO-SO-3");
        await editor.GetByLabel("Tên chế độ báo cáo").FillAsync("Báo cáo nhanh thiệt hại do bão số 3");
        await editor.GetByLabel("Đơn vị báo cáo (mã, cách nhau dấu phẩy)").FillAsync("STC, SCT");
        await editor.GetByLabel("Nội dung yêu cầu báo cáo").FillAsync("Thiệt hại về người, nhà ở, sản xuất nông nghiệp và hạ tầng.");
        await editor.GetByLabel("Đề cương (mỗi dòng một đề mục; hướng dẫn sau dấu |)").FillAsync("I. Thiệt hại về người\nII. Thiệt hại về nhà ở");
        await Browser.MakeRegimeAdHocAsync(office, editor, "04/12/2026", "20/11/2026", "30/11/2026");
        await KeepAsync(office, "regime-editor", checkAccessibility: false); // the dialog is checked as part of the page below
        await office.ClickAsync("[data-testid=save-regime]");
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        await Assertions.Expect(office.Locator(".mud-main-content")).ToContainTextAsync("Báo cáo nhanh thiệt hại do bão số 3");
        await KeepAsync(office, "regime-issued");

        // 2. The officer downloads November's form as Excel, fills it in, uploads it and writes it.
        var officer = await SignInAsync("canbo.stc");
        await Browser.GotoInteractiveAsync(officer, "/nhap-lieu");
        await KeepAsync(officer, "forms-to-fill");
        await Browser.GotoInteractiveAsync(officer, Entry);
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByText("Tải Excel").ClickAsync());
        var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var filled = Path.Combine(Path.GetTempPath(), "baocao-tests", $"bm-tc-thang-{Guid.NewGuid():N}.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(filled)!);
        await File.WriteAllBytesAsync(filled, WorkbookTests.Edit(workbook, ("E6", "1.650,5"), ("E7", 1400.2m)));
        await Browser.GotoInteractiveAsync(officer, "/nhap-lieu/tai-len");
        await officer.SetInputFilesAsync("#file", filled);
        await Assertions.Expect(officer.Locator("[data-testid=upload-report]")).ToContainTextAsync("lỗi 0");
        await KeepAsync(officer, "excel-checked");
        await officer.ClickAsync("[data-testid=write-all]");
        await Assertions.Expect(officer.Locator("[data-testid=upload-report]")).ToContainTextAsync("Đã ghi số liệu");
        await Browser.GotoInteractiveAsync(officer, Entry);
        ILocator Cell(string indicator) => officer.Locator($"[data-testid=form-grid] tr[data-indicator={indicator}][data-disaggregation=''] input.cell[data-c='0']");
        Assert.Equal("1.650,5", await Cell("THU_NSNN").InputValueAsync());
        await KeepAsync(officer, "form-from-excel");

        // 3. Submitted, returned with a reason, corrected, submitted again, approved.
        await Browser.GotoInteractiveAsync(officer, Approval);
        await officer.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Chờ duyệt");
        var leader = await SignInAsync("lanhdao.stc");
        await Browser.GotoInteractiveAsync(leader, Approval);
        await leader.GetByLabel("Lý do (khi trả lại hoặc mở lại)").FillAsync("Thu nội địa chưa khớp với Kho bạc, đề nghị rà soát.");
        await leader.ClickAsync("[data-testid=return]");
        await Assertions.Expect(leader.Locator("[data-testid=state]")).ToHaveTextAsync("Bị trả lại");
        await KeepAsync(leader, "returned");
        await Browser.GotoInteractiveAsync(officer, Entry);
        await Assertions.Expect(officer.Locator("[data-testid=returned]")).ToContainTextAsync("Thu nội địa chưa khớp với Kho bạc");
        await Cell("THU_NOI_DIA").ClickAsync();
        await Cell("THU_NOI_DIA").FillAsync("1.410,2");
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.Locator("[data-testid=save-status]")).ToContainTextAsync("Đã lưu");
        await KeepAsync(officer, "corrected");
        await Browser.GotoInteractiveAsync(officer, Approval);
        await officer.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Chờ duyệt");
        await Browser.GotoInteractiveAsync(leader, Approval);
        await Assertions.Expect(leader.Locator("[data-testid=diff]")).ToContainTextAsync("1.410,2");
        await KeepAsync(leader, "to-approve");
        await leader.ClickAsync("[data-testid=approve]");
        await Assertions.Expect(leader.Locator("[data-testid=state]")).ToHaveTextAsync("Đã duyệt");

        // 4. The report: narrative and an attachment, approved by the leader, sent, received by the province office.
        await Browser.GotoInteractiveAsync(officer, Report);
        await Browser.WriteNarrativeAsync(officer, "Thu ngân sách tháng 11 đạt 1.650,5 tỷ đồng.");
        var attachment = Path.Combine(Path.GetTempPath(), "baocao-tests", "bang-doi-chieu-kho-bac.pdf");
        await File.WriteAllBytesAsync(attachment, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        await officer.SetInputFilesAsync("#attachment", attachment);
        await Assertions.Expect(officer.Locator("[data-testid=attachments]")).ToContainTextAsync("bang-doi-chieu-kho-bac.pdf");
        await KeepAsync(officer, "report-written");
        await Browser.SubmitApproveAndSendReportAsync(officer, leader, Report);
        await Browser.GotoInteractiveAsync(office, "/bao-cao");
        await office.GetByRole(AriaRole.Tab, new() { Name = "Báo cáo gửi đến" }).ClickAsync();
        await KeepAsync(office, "incoming-reports");
        await office.Locator($"[data-testid=incoming-reports] a[href='{Report}']").ClickAsync();
        await office.WaitForURLAsync(url => url.EndsWith(Report));
        await Assertions.Expect(office.Locator("[data-testid=attachments]")).ToContainTextAsync("bang-doi-chieu-kho-bac.pdf");
        await office.ClickAsync("[data-testid=action-receive]");
        await Assertions.Expect(office.Locator("[data-testid=state]")).ToHaveTextAsync("Đơn vị nhận đã tiếp nhận");
        await KeepAsync(office, "report-received");

        // 5. Monday 7 December, one working day after the regime's due date: the reminder run e-mails the late units.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7)));
        office = await SignInAsync("admin"); // a sign-in lasts a working day
        await Browser.GotoInteractiveAsync(office, "/thoi-han/nhac-han");
        await office.ClickAsync("[data-testid=run]");
        await Assertions.Expect(office.Locator("[data-testid=outcome]")).ToContainTextAsync("Đã gửi");
        var reminder = await smtp.WaitForMessageToAsync("sct@ninhbinh.gov.vn");
        Assert.Contains("Báo cáo nhanh thiệt hại do bão số 3", reminder.TextBody);
        await KeepAsync(office, "reminders-sent");

        // 6. November's compliance report.
        await Browser.GotoInteractiveAsync(office, "/thoi-han/tuan-thu");
        await office.FillAsync("#period", Period);
        await office.ClickAsync("[data-testid=generate]");
        await Assertions.Expect(office.Locator("[data-testid=summary]")).ToContainTextAsync($"Kỳ {Period}");
        await Assertions.Expect(office.Locator("[data-testid=ranking]")).ToContainTextAsync("Sở Tài chính");
        await KeepAsync(office, "compliance");

        // 7. The leader's dashboard shows November's approved revenue.
        leader = await SignInAsync("lanhdao.stc");
        await Browser.GotoInteractiveAsync(leader, "/bang-dieu-khien/TAI-CHINH");
        await leader.FillAsync("#from", Period);
        await leader.FillAsync("#to", Period);
        await leader.ClickAsync("[data-testid=apply]");
        await Assertions.Expect(leader.Locator("[data-testid=widget-0] [data-testid=kpi-value]")).ToContainTextAsync("1.650,5");
        await KeepAsync(leader, "dashboard");

        Assert.True(accessibility.Count == 0, "axe-core, serious or critical:\n" + string.Join("\n", accessibility));
    }
}
