using BaoCao.Tests.Infrastructure;
using BaoCao.Tests.Workflow;
using Microsoft.Playwright;

namespace BaoCao.Tests.Deadlines;

/// <summary>In Chromium, as the administrator at 1366×768 and on a 390×844 phone: a past year's calendar is saved only
/// with the confirmation and a reason, and restoring brings back the shipped days.</summary>
public sealed class CalendarJourneyTests
{
    [ChromiumFact]
    public async Task A_past_year_is_saved_only_confirmed_with_a_reason_and_restoring_brings_back_the_shipped_days()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var admin = await IncompleteReportJourneyTests.OpenAsync(browser, app, "admin", phone: false);
        var phone = await IncompleteReportJourneyTests.OpenAsync(browser, app, "admin", phone: true);

        await Browser.GotoInteractiveAsync(admin, "/thoi-han/lich");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Lịch làm việc năm 2026" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Năm trước" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Lịch làm việc năm 2025" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("[data-testid=past-year]")).ToBeVisibleAsync();
        var save = admin.GetByRole(AriaRole.Button, new() { Name = "Lưu lịch năm 2025" });
        var restore = admin.GetByRole(AriaRole.Button, new() { Name = "Khôi phục lịch chính thức năm 2025" });
        await Assertions.Expect(save).ToBeDisabledAsync();
        await Assertions.Expect(restore).ToBeDisabledAsync();

        var editor = admin.GetByLabel("Lịch nghỉ", new() { Exact = true });
        var shipped = await editor.InputValueAsync();
        Assert.Contains("01/01/2025; nghỉ;", shipped);
        await editor.FillAsync(shipped + "\n02/01/2025; nghỉ; Nghỉ thêm sau Tết Dương lịch");
        await admin.GetByLabel("Tôi xác nhận sửa lịch năm 2025 đã qua").CheckAsync();
        await Assertions.Expect(save).ToBeDisabledAsync(); // a reason is still missing
        await admin.GetByLabel("Lý do sửa").FillAsync("Quyết định bổ sung ngày nghỉ của UBND tỉnh");
        await admin.Keyboard.PressAsync("Tab");
        await Assertions.Expect(save).ToBeEnabledAsync();
        await Browser.KeepScreenshotAsync(admin, "deadlines-calendar-past-year-1366");
        await save.ClickAsync();
        var days = admin.Locator(".mud-table").Last;
        await Assertions.Expect(days).ToContainTextAsync("Nghỉ thêm sau Tết Dương lịch");
        await Assertions.Expect(save).ToBeDisabledAsync(); // the confirmation is asked again for the next change

        await Browser.GotoInteractiveAsync(phone, "/thoi-han/lich");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Năm trước" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-testid=past-year]")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("[data-testid=past-year]")).ToContainTextAsync("Năm 2025 đã qua");
        // On a phone each day is a card: its values are named.
        var added = phone.Locator(".mud-table tr", new() { HasTextString = "Nghỉ thêm sau Tết Dương lịch" });
        await Assertions.Expect(added).ToContainTextAsync("02/01/2025");
        await Assertions.Expect(added.Locator("td[data-label=Dịp]")).ToContainTextAsync("Nghỉ thêm sau Tết Dương lịch");
        await Browser.KeepScreenshotAsync(phone, "deadlines-calendar-past-year-390");
        await IncompleteReportJourneyTests.AssertNoHorizontalOverflowAsync(phone, "the calendar of a past year");

        await admin.GetByLabel("Tôi xác nhận sửa lịch năm 2025 đã qua").CheckAsync();
        await admin.GetByLabel("Lý do sửa").FillAsync("Trở lại lịch Chính phủ công bố");
        await admin.Keyboard.PressAsync("Tab");
        await restore.ClickAsync();
        await Assertions.Expect(days).Not.ToContainTextAsync("Nghỉ thêm sau Tết Dương lịch");
        Assert.Equal(shipped, await editor.InputValueAsync());
        await Browser.KeepScreenshotAsync(admin, "deadlines-calendar-restored-1366");
    }
}
