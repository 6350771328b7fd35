using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Accounts;

public sealed class TwoFactorTests
{
    private static string CodeAt(string sharedKey, DateTimeOffset now) =>
        Totp.Code(Totp.FromBase32(sharedKey.Replace(" ", "")), Totp.StepAt(now));

    private static HttpClient Client(BaoCaoApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in, sets up and confirms TOTP; returns the shared key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(BaoCaoApp app, string userName)
    {
        var client = await app.SignedInAsAsync(userName);
        var setup = await (await client.PostAsync("/api/auth/two-factor/setup", null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith($"otpauth://totp/BaoCao:{userName}?secret=", setup.GetProperty("authenticatorUri").GetString());
        var enabled = await client.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = CodeAt(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // the next code belongs to a new time step
        return (key, codes);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task After_enrolment_a_sign_in_needs_the_password_and_a_code(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var (key, recoveryCodes) = await EnrolAsync(app, "canbo.stc");
        Assert.Equal(10, recoveryCodes.Distinct().Count());

        var client = Client(app);
        var password = await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });
        Assert.True((await password.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requiresTwoFactor").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode); // a password alone opens nothing

        var code = CodeAt(key, app.Clock.GetUtcNow());
        var signedIn = await client.PostAsJsonAsync("/api/auth/login/two-factor", new { code });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        // The same code again (replay) is refused, even within its 30 seconds.
        var other = Client(app);
        await other.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });
        var replay = await other.PostAsJsonAsync("/api/auth/login/two-factor", new { code });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(TwoFactor_WrongCode, (await replay.ReadProblemAsync()).Detail);

        // A recovery code works once.
        var recovered = await other.PostAsJsonAsync("/api/auth/login/two-factor", new { code = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var third = Client(app);
        await third.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, (await third.PostAsJsonAsync("/api/auth/login/two-factor", new { code = recoveryCodes[0] })).StatusCode);
    }

    private const string TwoFactor_WrongCode = "Mã xác thực không đúng hoặc đã hết hiệu lực. Hãy nhập mã đang hiển thị trên ứng dụng xác thực.";

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        await EnrolAsync(app, "canbo.stc");
        var client = Client(app);
        await client.PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
            answers.Add((await client.PostAsJsonAsync("/api/auth/login/two-factor", new { code = "000000" })).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 6)], answers); // locked after the 5th: the same answer
        var logged = await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().SecurityLog
            .Where(e => e.UserName == "canbo.stc").Select(e => e.Event).ToListAsync());
        Assert.Contains(SecurityEvent.LockedOut, logged);
        Assert.Contains(SecurityEvent.SignInWhileLocked, logged);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Leaders_must_enrol_before_they_get_in_when_the_setting_is_on(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AccountsDbContext>();
            (await db.Accounts.SingleAsync(a => a.UserName == "lanhdao.snv")).IsDemo = false; // a real leader
            await db.SaveChangesAsync();
        });
        var client = Client(app);

        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { userName = "lanhdao.snv", password = BaoCaoApp.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(login.GetProperty("requiresTwoFactorEnrolment").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var setup = await (await client.PostAsync("/api/auth/two-factor/setup", null)).Content.ReadFromJsonAsync<JsonElement>();
        var enabled = await client.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = CodeAt(setup.GetProperty("sharedKey").GetString()!, app.Clock.GetUtcNow()) });

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode); // enrolment completed the sign-in
    }

    [Fact]
    public async Task Demo_accounts_are_exempt_and_officers_are_never_forced()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);

        var leader = await (await Client(app).PostAsJsonAsync("/api/auth/login", new { userName = "lanhdao.snv", password = BaoCaoApp.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(leader.GetProperty("requiresTwoFactor").GetBoolean());
    }

    [Fact]
    public void The_TOTP_implementation_matches_the_RFC_6238_test_vectors()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890"; 8-digit values, of which TOTP-6 keeps the last six.
        var key = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("287082", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));
        Assert.Equal("081804", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(1111111109))));
        Assert.Equal("050471", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(1111111111))));
        Assert.Equal("005924", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(1234567890))));
        Assert.Equal(key, Totp.FromBase32(Totp.ToBase32(key)));
    }
}
