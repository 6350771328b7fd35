using System.Net;
using System.Net.Http.Json;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// Sign-in under attack: 1,000 password guesses from one address and 1,000 from a thousand addresses each lock the
/// account after at most 5 and are all in the security log; the session cookie is HttpOnly, SameSite and Secure over
/// HTTPS; an unsafe API request carried by the cookie from another site is refused (cross-site request forgery).
/// </summary>
public sealed class SignInAttackTests
{
    private const int Guesses = 1_000;

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_thousand_guesses_from_one_or_many_addresses_lock_the_account_after_five_and_are_all_logged(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, services: services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<List<HttpStatusCode>> GuessAsync(string userName, Func<int, string> address)
        {
            var answers = new List<HttpStatusCode>();
            for (var guess = 0; guess < Guesses; guess++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName, password = $"doan-mat-khau-{guess}" }) };
                request.Headers.Add(ClientAddressFromHeader.Header, address(guess));
                using var response = await client.SendAsync(request);
                answers.Add(response.StatusCode);
            }
            return answers;
        }

        var fromOne = await GuessAsync("canbo.snv", _ => "203.0.113.7");
        var fromMany = await GuessAsync("canbo.syt", guess => $"198.51.{guess / 250}.{guess % 250 + 1}");
        var rightPassword = await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.syt", password = BaoCaoApp.DemoPassword });

        // One answer for every refusal: a guesser does not learn that the account exists or is locked.
        foreach (var answers in new[] { fromOne, fromMany })
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.Unauthorized, rightPassword.StatusCode); // even the right password, from an unfamiliar address, until the lock expires
        var lockedOut = await app.InScopeAsync(services => services.GetRequiredService<AccountsDbContext>().SecurityLog.AsNoTracking()
            .Where(e => e.Event == SecurityEvent.LockedOut && (e.UserName == "canbo.snv" || e.UserName == "canbo.syt")).Select(e => e.UserName).Distinct().CountAsync());
        Assert.Equal(2, lockedOut); // the 5th wrong guess locked each account
        var logged = await app.InScopeAsync(async services =>
        {
            var log = services.GetRequiredService<AccountsDbContext>().SecurityLog.AsNoTracking();
            return (One: await log.CountAsync(e => e.UserName == "canbo.snv" && e.RemoteAddress == "203.0.113.7"),
                Many: await log.Where(e => e.UserName == "canbo.syt" && e.RemoteAddress!.StartsWith("198.51.")).Select(e => e.RemoteAddress).Distinct().CountAsync(),
                ManyEntries: await log.CountAsync(e => e.UserName == "canbo.syt" && e.Event != SecurityEvent.SignInSucceeded));
        });
        Assert.Equal(Guesses, logged.One);
        Assert.Equal(Guesses, logged.Many);
        Assert.Equal(Guesses + 1, logged.ManyEntries); // and the right password refused while locked
    }

    [Fact]
    public async Task The_session_cookie_is_protected_and_a_forged_cross_site_request_is_refused()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var signedIn = await https.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("BaoCao.Auth=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie); // Lax only with SSO (its redirect back is a cross-site navigation)
        Assert.Contains("secure", cookie);

        async Task<HttpStatusCode> PostAsync(string? site, string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/data")
            {
                Content = JsonContent.Create(new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_XNK", value = 1 } } }),
            };
            if (site is not null)
                request.Headers.Add("Sec-Fetch-Site", site);
            if (origin is not null)
                request.Headers.Add("Origin", origin);
            using var response = await https.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("cross-site", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("same-site", "https://khac.ninhbinh.gov.vn")); // a sibling government site
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(null, "https://evil.example")); // an older browser: Origin only
        Assert.Equal(HttpStatusCode.OK, await PostAsync("same-origin", "https://localhost"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(null, null)); // not a browser
    }

    /// <summary>Stands for the network: the client's address is what the test says it is.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
