using BaoCao.Accounts.Security;
using BaoCao.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BaoCao.Tests.Accounts;

/// <summary>In Chromium: sign in, enrol an authenticator, sign out, sign in again with a code.</summary>
public sealed class TwoFactorJourneyTests
{
    [ChromiumFact]
    public async Task An_administrator_enrols_TOTP_and_then_signs_in_with_a_code()
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

        await page.GotoAsync("/tai-khoan/xac-thuc-hai-lop");
        var key = (await page.TextContentAsync("[data-testid=shared-key]"))!.Replace(" ", "");
        Assert.True(await page.Locator("svg").First.IsVisibleAsync(), "the QR code is shown");
        await Browser.KeepScreenshotAsync(page, "accounts-totp-setup");
        await page.FillAsync("#code", Totp.Code(Totp.FromBase32(key), Totp.StepAt(app.Clock.GetUtcNow())));
        await page.ClickAsync(".mud-main-content button[type=submit]");
        var codes = await page.TextContentAsync("[data-testid=recovery-codes]");
        Assert.Equal(10, codes!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Enabling ended the session everywhere: sign in again, now with a code.
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", BaoCaoApp.DemoPassword);
        await page.ClickAsync(".mud-main-content button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap/ma-xac-thuc"));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.FillAsync("#code", Totp.Code(Totp.FromBase32(key), Totp.StepAt(app.Clock.GetUtcNow())));
        await page.ClickAsync(".mud-main-content button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"));

        await page.GotoAsync("/tai-khoan/nhat-ky-bao-mat");
        await page.GetByText("Bật xác thực hai lớp").First.WaitForAsync();
        await Browser.KeepScreenshotAsync(page, "accounts-security-log-after-totp");

        await page.ClickAsync("text=Đăng xuất");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" }).First.IsVisibleAsync());
    }
}
