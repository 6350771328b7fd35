using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Exchange;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace BaoCao.Tests.Accounts;

/// <summary>
/// A session ends on the server when it should — logout, termination, a grant change — for a copied cookie and for a
/// page left open; and a page of another origin cannot ride the visitor's session through the Blazor hub.
/// </summary>
public sealed class SessionRevocationTests
{
    /// <summary>A client of the running server (Kestrel), signed in with a demo account.</summary>
    private static string Cookie(HttpResponseMessage signedIn) =>
        signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("BaoCao.Auth=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpStatusCode> MeWithAsync(BaoCaoApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task After_logout_a_copied_cookie_no_longer_works(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });
        var copied = Cookie(signedIn);
        Assert.Equal(HttpStatusCode.OK, await MeWithAsync(app, copied));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(app, copied));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_withdrawn_grant_ends_the_accounts_sessions_at_once(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var admin = await app.SignedInAsAsync("admin");
        var grant = (await admin.GetFromJsonAsync<JsonElement[]>("/api/accounts/canbo.stc/grants"))![0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/accounts/canbo.stc/grants/{grant}")).StatusCode);
        var save = await officer.PostAsJsonAsync("/api/forms/data", new
        {
            formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_XNK", value = 1m } },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, save.StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_page_of_another_origin_cannot_open_a_circuit(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");

        async Task<HttpStatusCode> NegotiateAsync(string? origin, string? site)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
            if (origin is not null)
                request.Headers.Add("Origin", origin);
            if (site is not null)
                request.Headers.Add("Sec-Fetch-Site", site);
            return (await officer.SendAsync(request)).StatusCode;
        }
        async Task<HttpStatusCode> UpgradeAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/_blazor?id=x");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Connection", "Upgrade");
            request.Headers.Add("Upgrade", "websocket");
            return (await officer.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("https://trang-khac.ninhbinh.gov.vn", "same-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("https://evil.example", null));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(null, "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await UpgradeAsync("https://trang-khac.ninhbinh.gov.vn"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("http://localhost", "same-origin")); // the test server's own origin
        // Every state-changing request too, not only /api: the sign-out form.
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/dang-xuat");
        signOut.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.SendAsync(signOut)).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task With_a_public_url_only_the_allowed_origins_open_a_circuit(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = "https://baocao.ninhbinh.gov.vn", ["App:AllowedOrigins"] = "https://baocao2.ninhbinh.gov.vn",
        });
        var client = app.CreateClient();
        async Task<HttpStatusCode> NegotiateAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
            request.Headers.Add("Origin", origin);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("https://baocao.ninhbinh.gov.vn"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("https://baocao2.ninhbinh.gov.vn"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("http://localhost")); // the Host header is not the allow-list
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("https://baocao.ninhbinh.gov.vn.evil.example"));
    }

    /// <summary>In Chromium: an officer's data-entry page is open; the account is terminated (the unit's leader files the
    /// request, the province office completes it). The next save from the open page is refused and the page turns to
    /// the sign-in page; the value is not stored.</summary>
    [ChromiumFact]
    public async Task A_terminated_officers_open_page_refuses_the_next_save_and_shows_the_sign_in_page()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 1366, Height = 768 } });
        await Browser.SignInAsync(page, "canbo.stc");
        await Browser.GotoInteractiveAsync(page, "/nhap-lieu/BM-TC-THANG/STC/202610");
        var cell = page.Locator("[data-testid=form-grid] tr[data-indicator=THU_XNK][data-disaggregation=''] input.cell[data-c='0']");
        await cell.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("111");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=save-status]")).ToContainTextAsync("Đã lưu");

        var leader = await app.SignedInOverTheNetworkAsync("lanhdao.stc");
        var admin = await app.SignedInOverTheNetworkAsync("admin");
        var filed = await (await leader.PostAsJsonAsync("/api/accounts/requests", new
        {
            unitCode = "STC", kind = "Terminate", documentNumber = "130/STC-VP", documentDate = "2026-11-26", userName = "canbo.stc",
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/requests/{filed.GetProperty("id").GetGuid()}/complete", null)).StatusCode);

        var started = DateTime.UtcNow;
        await cell.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("999");
        await page.Keyboard.PressAsync("Enter");
        // Polls the address (a navigation aborted by another one does not fail it).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"), new() { Timeout = 60_000 });
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        await Browser.KeepScreenshotAsync(page, "accounts-terminated-page-signed-out");

        Assert.Equal(111m, await ExchangeScenario.CellAsync(admin, "THU_XNK"));
    }

    /// <summary>In Chromium: a page left idle for 16 minutes (the clock moved on) ends its session like the cookie: the
    /// next save is refused and the sign-in page shows.</summary>
    [ChromiumFact]
    public async Task A_page_idle_for_16_minutes_refuses_the_next_save()
    {
        await using var app = await BaoCaoApp.StartForBrowserAsync(DatabaseKind.Sqlite);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.RootUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        await Browser.SignInAsync(page, "canbo.stc");
        await Browser.GotoInteractiveAsync(page, "/nhap-lieu/BM-TC-THANG/STC/202610");
        var cell = page.Locator("[data-testid=form-grid] tr[data-indicator=THU_XNK][data-disaggregation=''] input.cell[data-c='0']");
        var admin = await app.SignedInOverTheNetworkAsync("admin");
        var before = await ExchangeScenario.CellAsync(admin, "THU_XNK");

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await cell.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("222");
        await page.Keyboard.PressAsync("Enter");
        // Polls the address (a navigation aborted by another one does not fail it).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"), new() { Timeout = 60_000 });
        await Browser.KeepScreenshotAsync(page, "accounts-idle-page-signed-out");

        admin = await app.SignedInOverTheNetworkAsync("admin"); // its own cookie went idle too
        Assert.Equal(before, await ExchangeScenario.CellAsync(admin, "THU_XNK"));
        Assert.NotEqual(222m, before);
    }
}
