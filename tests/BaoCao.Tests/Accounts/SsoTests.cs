using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaoCao.Tests.Accounts;

/// <summary>Single sign-on through the real redirect flow: BaoCao → the OIDC provider's login and consent pages →
/// back to BaoCao, which signs in the account whose official e-mail the provider vouches for.</summary>
public sealed class SsoTests
{
    private const string Accounts = """
        {
          "an.nguyen": { "email": "canbo.stc@ninhbinh.gov.vn", "name": "Nguyễn Văn An" },
          "chua.xac.minh": { "email": "canbo.sct@ninhbinh.gov.vn", "name": "Trần Thị Bình", "email_verified": false },
          "lanh.dao": { "email": "lanhdao.stc@ninhbinh.gov.vn", "name": "Lê Văn Cường" },
          "lanh.dao.otp": { "email": "lanhdao.stc@ninhbinh.gov.vn", "name": "Lê Văn Cường", "amr": ["pwd", "otp"] }
        }
        """;

    private static async Task<(BaoCaoApp App, SsoProvider Sso)> StartAsync(bool trustProviderMfa = false)
    {
        var appPort = LoopbackPort.Free();
        var sso = await SsoProvider.StartAsync($"http://127.0.0.1:{appPort}/signin-oidc", Accounts);
        var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Sso:Authority"] = sso.Authority,
            ["Sso:ClientId"] = "baocao",
            ["Sso:ClientSecret"] = "baocao-test-secret",
            ["Sso:DisplayName"] = "SSO tỉnh Ninh Bình",
            ["Sso:RequireHttpsMetadata"] = "false",
            ["Sso:TrustProviderMfa"] = trustProviderMfa ? "true" : "false",
        }, appPort, start: DateTimeOffset.UtcNow); // cookies cross two real servers and a real browser: today's date
        return (app, sso);
    }

    /// <summary>The leader's account as a real one (demo accounts are exempt from two-factor).</summary>
    private static Task MakeLeaderRealAsync(BaoCaoApp app) => app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<BaoCao.Accounts.Persistence.AccountsDbContext>();
        var leader = await db.Accounts.SingleAsync(a => a.UserName == "lanhdao.stc");
        leader.IsDemo = false;
        await db.SaveChangesAsync();
    });

    private static async Task<IPage> SsoAsync(BaoCaoApp app, SsoProvider sso, IBrowser browser, string login)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString() });
        await page.GotoAsync("/dang-nhap");
        await page.ClickAsync("[data-testid=sso]");
        await page.WaitForURLAsync(url => url.StartsWith(sso.Authority, StringComparison.Ordinal));
        await LogInAtProviderAsync(page, login);
        await page.WaitForURLAsync(url => url.StartsWith(app.RootUri.ToString(), StringComparison.Ordinal));
        return page;
    }

    [SsoFact]
    public async Task An_identity_whose_email_the_provider_has_not_verified_is_refused()
    {
        var (app, sso) = await StartAsync();
        await using var _ = app;
        await using var __ = sso;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;

        var page = await SsoAsync(app, sso, browser, "chua.xac.minh");

        await page.WaitForURLAsync(url => url.Contains("/dang-nhap?sso=chua-xac-minh"));
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/me")).Status);
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("chưa xác minh thư điện tử");
    }

    [SsoFact]
    public async Task A_leader_signing_in_through_SSO_still_needs_the_second_factor()
    {
        var (app, sso) = await StartAsync();
        await using var _ = app;
        await using var __ = sso;
        await MakeLeaderRealAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;

        var page = await SsoAsync(app, sso, browser, "lanh.dao.otp"); // the provider's amr is not trusted unless configured

        await page.WaitForURLAsync(url => url.Contains("/tai-khoan/xac-thuc-hai-lop"));
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/me")).Status);
        await Browser.KeepScreenshotAsync(page, "accounts-sso-second-factor");
    }

    [SsoFact]
    public async Task With_the_providers_multi_factor_trusted_a_leader_who_used_it_is_signed_in_and_one_who_did_not_is_not()
    {
        var (app, sso) = await StartAsync(trustProviderMfa: true);
        await using var _ = app;
        await using var __ = sso;
        await MakeLeaderRealAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;

        var withOtp = await SsoAsync(app, sso, browser, "lanh.dao.otp");
        await withOtp.WaitForURLAsync(url => !url.Contains("/dang-nhap") && !url.Contains("xac-thuc"));
        var me = JsonDocument.Parse(await (await withOtp.APIRequest.GetAsync("/api/me")).TextAsync()).RootElement;
        Assert.Equal("lanhdao.stc", me.GetProperty("userName").GetString());

        var passwordOnly = await SsoAsync(app, sso, browser, "lanh.dao");
        await passwordOnly.WaitForURLAsync(url => url.Contains("/tai-khoan/xac-thuc-hai-lop"));
        Assert.Equal(401, (await passwordOnly.APIRequest.GetAsync("/api/me")).Status);
    }

    private static async Task LogInAtProviderAsync(IPage page, string login)
    {
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "mat-khau-o-may-chu-sso");
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("button[type=submit]"); // consent: "Continue"
    }

    [SsoFact]
    public async Task A_civil_servant_signs_in_through_the_provincial_SSO_by_official_email()
    {
        var (app, sso) = await StartAsync();
        await using var _ = app;
        await using var __ = sso;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;
        var page = await SsoAsync(app, sso, browser, "an.nguyen");
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"));

        var me = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/me")).TextAsync()).RootElement;
        Assert.Equal("canbo.stc", me.GetProperty("userName").GetString());
        await Browser.KeepScreenshotAsync(page, "accounts-sso-signed-in");
    }

    [SsoFact]
    public async Task SSO_does_not_lift_a_lockout_earned_by_wrong_passwords()
    {
        var (app, sso) = await StartAsync();
        await using var _ = app;
        await using var __ = sso;
        for (var attempt = 0; attempt < 5; attempt++)
            await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = $"sai-{attempt}" });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString() });

        await page.GotoAsync("/dang-nhap");
        await page.ClickAsync("[data-testid=sso]");
        await LogInAtProviderAsync(page, "an.nguyen");
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap?sso=tam-khoa"));

        Assert.True(await page.GetByText("Tài khoản đang tạm khóa").IsVisibleAsync());
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/me")).Status);
    }

    [SsoFact]
    public async Task An_SSO_identity_without_an_account_is_refused_with_an_explanation()
    {
        var (app, sso) = await StartAsync();
        await using var _ = app;
        await using var __ = sso;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var ___ = playwright;
        await using var ____ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString() });

        await page.GotoAsync("/dang-nhap");
        await page.ClickAsync("[data-testid=sso]");
        await LogInAtProviderAsync(page, "nguoi.la");
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap?sso=khong-co-tai-khoan"));

        Assert.True(await page.GetByText("không có tài khoản nào trên hệ thống").IsVisibleAsync());
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/me")).Status);
    }
}
