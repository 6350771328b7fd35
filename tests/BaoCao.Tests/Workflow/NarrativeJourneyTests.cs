using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Workflow;

/// <summary>
/// In Chromium, the narrative as an officer writes it: every save keeps what is on screen (a second save, a save after
/// attaching a file), typing is saved a few seconds after it stops, leaving inside the app saves first and leaving the
/// browser page with unsaved text asks, and "Không có." followed by Enter is text, not blankness.
/// </summary>
public sealed class NarrativeJourneyTests
{
    private const string Report = "/bao-cao/BC-KTXH-THANG/STC/202610";

    [ChromiumFact]
    public async Task Every_save_keeps_what_is_on_screen_typing_is_autosaved_and_leaving_never_loses_text()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        using var officerApi = await app.SignedInOverTheNetworkAsync("canbo.stc");
        using var leaderApi = await app.SignedInOverTheNetworkAsync("lanhdao.stc");
        Assert.Equal(HttpStatusCode.OK, (await officerApi.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leaderApi.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null)).StatusCode);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, "canbo.stc");
        await Browser.GotoInteractiveAsync(page, Report);
        await page.ClickAsync("[data-testid=start]");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Đang soạn");
        var editors = page.Locator(".report-editor");
        var count = await editors.CountAsync();
        Assert.True(count >= 2, $"the demo outline has {count} headings");
        var status = page.Locator("[data-testid=save-status]");

        async Task TypeAsync(int section, string text)
        {
            await editors.Nth(section).ClickAsync();
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.TypeAsync(text);
        }
        async Task<List<string>> StoredAsync()
        {
            var report = await officerApi.GetFromJsonAsync<JsonElement>("/api/workflow/reports/BC-KTXH-THANG/STC/202610");
            return [.. report.GetProperty("narrative").EnumerateArray().Select(s => s.GetProperty("html").GetString()!)];
        }
        // The button, then the status and the stored copy: the save is done once the text typed last is stored.
        async Task SaveAsync(int section, string text)
        {
            await page.ClickAsync("[data-testid=save]");
            await Eventually.TrueAsync(async () => (await StoredAsync())[section].Contains(text), $"the save stores “{text}”");
            await Assertions.Expect(status).ToContainTextAsync("Đã lưu lúc");
        }

        // Section 1, save; section 2, save: the second save used to store empty sections.
        await TypeAsync(0, "Thu ngân sách tháng 10 đạt khá.");
        await SaveAsync(0, "Thu ngân sách tháng 10 đạt khá.");
        await TypeAsync(1, "Không có.");
        await page.Keyboard.PressAsync("Enter");
        await SaveAsync(1, "Không có.");
        var stored = await StoredAsync();
        Assert.Contains("Thu ngân sách tháng 10 đạt khá.", stored[0]);
        Assert.Contains("Không có.", stored[1]);

        // Attach a file, then type and save: the first save after an upload used to erase every section.
        await page.SetInputFilesAsync("#attachment", new FilePayload { Name = "phu-luc.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await Assertions.Expect(page.Locator("[data-testid=attachments]")).ToContainTextAsync("phu-luc.pdf");
        for (var i = 2; i < count; i++)
            await TypeAsync(i, $"Đề mục {i + 1}: không có.");
        await SaveAsync(count - 1, $"Đề mục {count}: không có.");
        stored = await StoredAsync();
        Assert.Contains("Thu ngân sách tháng 10 đạt khá.", stored[0]);
        Assert.Contains("Không có.", stored[1]);
        for (var i = 2; i < count; i++)
            Assert.Contains($"Đề mục {i + 1}: không có.", stored[i]);

        // Autosave: typing then waiting, no button.
        await TypeAsync(0, " Chi thường xuyên đúng dự toán.");
        await Eventually.TrueAsync(async () => (await StoredAsync())[0].Contains("Chi thường xuyên đúng dự toán."), "typing is saved a few seconds after it stops", 20);
        await Assertions.Expect(status).ToContainTextAsync("Đã lưu lúc");

        // Leaving inside the app right after typing: the text is saved on the way out.
        await TypeAsync(1, " Vốn đầu tư công giải ngân chậm.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/bao-cao"));
        Assert.Contains("Vốn đầu tư công giải ngân chậm.", (await StoredAsync())[1]);

        // Reloaded, every piece of text is on screen, and the report may be submitted ("Không có." + Enter is not blank).
        await Browser.GotoInteractiveAsync(page, Report);
        await Assertions.Expect(editors.Nth(0)).ToContainTextAsync("Chi thường xuyên đúng dự toán.");
        await Assertions.Expect(editors.Nth(1)).ToContainTextAsync("Vốn đầu tư công giải ngân chậm.");
        await Browser.KeepScreenshotAsync(page, "workflow-narrative-saved-1366");

        // Closing the browser's page with text not yet saved asks first.
        string? dialog = null;
        page.Dialog += async (_, d) =>
        {
            dialog = d.Type;
            await d.DismissAsync();
        };
        await TypeAsync(0, " Chưa lưu.");
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await Eventually.TrueAsync(() => Task.FromResult(dialog == "beforeunload"), "closing the page with unsaved text asks first", 5);

        var submitted = await officerApi.PostAsync("/api/workflow/reports/BC-KTXH-THANG/STC/202610/submit", null);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
    }

    [ChromiumFact]
    public async Task On_a_phone_the_narrative_is_written_and_saved()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, "canbo.stc");
        await Browser.GotoInteractiveAsync(page, Report);
        await Browser.WriteNarrativeAsync(page, "Thu ngân sách tháng 10 đạt khá.");
        await Assertions.Expect(page.Locator("[data-testid=save-status]")).ToContainTextAsync("Đã lưu lúc");
        await Browser.GotoInteractiveAsync(page, Report);
        await Assertions.Expect(page.Locator(".report-editor").Nth(0)).ToContainTextAsync("Thu ngân sách tháng 10 đạt khá.");
        await Browser.KeepScreenshotAsync(page, "workflow-narrative-saved-390");
    }
}
