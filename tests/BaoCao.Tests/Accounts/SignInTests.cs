using System.Net;
using System.Net.Http.Json;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Accounts;

public sealed class SignInTests
{
    private static HttpClient Client(BaoCaoApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_leader_signs_in_and_sees_who_they_are(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = Client(app);

        var login = await LoginAsync(client, "lanhdao.stc", BaoCaoApp.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("BaoCao.Auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var me = await client.GetFromJsonAsync<MeBody>("/api/me");
        Assert.Equal("lanhdao.stc", me!.UserName);
        Assert.Equal("Lãnh đạo Sở Tài chính", me.DisplayName);
        Assert.Equal(["Leader"], me.Roles);
        Assert.Equal([new UnitBody("STC", "Sở Tài chính", "Leader")], me.Units);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        var unknown = await LoginAsync(Client(app), "khong.ton.tai", "mot-mat-khau-bat-ky");
        var wrong = await LoginAsync(Client(app), "canbo.stc", "mot-mat-khau-bat-ky");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", (await wrong.ReadProblemAsync()).Detail);
        Assert.Equal(unknown.Content.Headers.ContentType, wrong.Content.Headers.ContentType);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_and_even_the_right_one_is_refused_until_it_expires(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = Client(app);

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
            answers.Add((await LoginAsync(client, "canbo.snv", $"sai-lan-thu-{attempt}")).StatusCode);
        var rightWhileLocked = await LoginAsync(client, "canbo.snv", BaoCaoApp.DemoPassword);

        // Locked or wrong: one answer (a guesser learns nothing); the log below says which.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5)], answers);
        Assert.Equal(HttpStatusCode.Unauthorized, rightWhileLocked.StatusCode);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", (await rightWhileLocked.ReadProblemAsync()).Detail);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "canbo.snv", BaoCaoApp.DemoPassword)).StatusCode);

        var logged = await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().SecurityLog
            .Where(e => e.UserName == "canbo.snv").OrderBy(e => e.Id).Select(e => e.Event).ToListAsync());
        Assert.Equal([SecurityEvent.SignInFailed, SecurityEvent.SignInFailed, SecurityEvent.SignInFailed, SecurityEvent.SignInFailed,
            SecurityEvent.LockedOut, SecurityEvent.SignInWhileLocked, SecurityEvent.SignInSucceeded], logged);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Signing_out_ends_the_session(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = Client(app);
        await LoginAsync(client, "canbo.stc", BaoCaoApp.DemoPassword);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Suspending_an_account_ends_its_session_within_a_minute(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = Client(app);
        await LoginAsync(client, "canbo.stc", BaoCaoApp.DemoPassword);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AccountsDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.UserName == "canbo.stc");
            account.Status = AccountStatus.Suspended;
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(Client(app), "canbo.stc", BaoCaoApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Bad_login_bodies_are_400_problems_not_500()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = Client(app);

        var empty = await client.PostAsJsonAsync("/api/auth/login", new { userName = "", password = "" });
        var huge = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = new string('x', 129) });
        var wrongType = await client.PostAsync("/api/auth/login", new StringContent("{\"userName\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Vui lòng nhập tên đăng nhập."], (await empty.ReadProblemAsync()).Errors!["userName"]);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
    }

    internal sealed record MeBody(string UserName, string DisplayName, List<string> Roles, List<UnitBody> Units);

    internal sealed record UnitBody(string Code, string Name, string Role);
}

public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task An_idle_session_ends_after_15_minutes_and_any_session_after_10_hours()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var idle = await app.SignedInAsAsync("canbo.stc");
        var busy = await app.SignedInAsAsync("canbo.snv");

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/me")).StatusCode);

        // Busy all day: a request every 10 minutes keeps the sliding cookie alive, until the absolute limit.
        busy = await app.SignedInAsAsync("canbo.snv");
        for (var minutes = 0; minutes < 9 * 60 + 50; minutes += 10)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await busy.GetAsync("/api/me")).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/me")).StatusCode);
    }
}
