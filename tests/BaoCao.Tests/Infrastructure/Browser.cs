using Microsoft.Playwright;

namespace BaoCao.Tests.Infrastructure;

/// <summary>A UI test in Debian's Chromium through Playwright; skipped (with the reason) where Chromium is not installed,
/// never under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !Databases.IsCi)
            Skip = "UI tests need Chromium: apt-get install -y chromium (CI installs it).";
    }
}

public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Opens a page and waits until its Blazor circuit is live, so typing is not lost on the prerendered copy.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-render-mode=interactive]").WaitForAsync();
    }

    /// <summary>Signs in through the sign-in page with a demo account and waits to leave it.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", BaoCaoApp.DemoPassword);
        await page.ClickAsync(".mud-main-content button[type=submit]");
        try
        {
            // Leaving the sign-in page is what counts; waiting for the next page's load event as well timed out on a busy machine.
            await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            await KeepScreenshotAsync(page, $"sign-in-failed-{userName}");
            var said = await page.Locator("[role=alert], .validation-message, .mud-error-text").AllInnerTextsAsync();
            Assert.Fail($"{userName} is still on {page.Url} after signing in; the page says: {string.Join(" | ", said)}");
        }
    }

    /// <summary>On an opened report page: starts the report from its template, types the first section's text (and
    /// "Không có." in the others) and saves the narrative.</summary>
    public static async Task WriteNarrativeAsync(IPage page, string firstSection)
    {
        await page.ClickAsync("[data-testid=start]");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Đang soạn");
        var sections = page.Locator(".report-editor");
        for (var i = 0; i < await sections.CountAsync(); i++)
        {
            await sections.Nth(i).ClickAsync();
            await page.Keyboard.TypeAsync(i == 0 ? firstSection : "Không có.");
        }
        await page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(page.Locator("[data-testid=section-0]")).ToContainTextAsync(firstSection);
    }

    /// <summary>The officer submits the written report, the leader approves it, the officer sends it.</summary>
    public static async Task SubmitApproveAndSendReportAsync(IPage officer, IPage leader, string report)
    {
        await officer.ClickAsync("[data-testid=action-submit]");
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Chờ lãnh đạo duyệt");
        await GotoInteractiveAsync(leader, report);
        await leader.ClickAsync("[data-testid=action-approve]");
        await Assertions.Expect(leader.Locator("[data-testid=state]")).ToHaveTextAsync("Đã duyệt, chưa gửi");
        await GotoInteractiveAsync(officer, report);
        await officer.ClickAsync("[data-testid=action-send]");
        await Assertions.Expect(officer.Locator("[data-testid=state]")).ToHaveTextAsync("Đã gửi");
    }

    /// <summary>In the regime editor: makes the regime ad hoc, with its due date and data window (dd/MM/yyyy).</summary>
    public static async Task MakeRegimeAdHocAsync(IPage page, ILocator editor, string due, string dataFrom, string dataTo)
    {
        await editor.Locator(".mud-select", new() { Has = page.Locator("label", new() { HasTextString = "Loại" }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Đột xuất" }).First.ClickAsync();
        await editor.GetByLabel("Hạn gửi (chuyên đề, đột xuất)").FillAsync(due);
        await editor.GetByLabel("Số liệu từ ngày").FillAsync(dataFrom);
        await editor.GetByLabel("đến ngày", new() { Exact = true }).FillAsync(dataTo);
        await page.Keyboard.PressAsync("Tab");
    }

    /// <summary>Keeps a screenshot as a test artifact under artifacts/screenshots.</summary>
    public static async Task KeepScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(FindRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        // From the top: a full-page shot of a scrolled page draws the fixed app bar where the scroll left it.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BaoCao.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
