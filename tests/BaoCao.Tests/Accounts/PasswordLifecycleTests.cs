using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Jobs;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Accounts;

public sealed class PasswordLifecycleTests
{
    private const string NewPassword = "mùa thu Hà Nội lá vàng";

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        client.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = current, newPassword = next });

    private static Task<HttpResponseMessage> LoginAsync(BaoCaoApp app, string userName, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });

    private static Task MakeRealAsync(BaoCaoApp app, string userName, Action<Account>? change = null) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AccountsDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.UserName == userName);
            account.IsDemo = false;
            change?.Invoke(account);
            await db.SaveChangesAsync();
        });

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_person_changes_their_password_and_other_sessions_end(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var here = await app.SignedInAsAsync("canbo.stc");
        var elsewhere = await app.SignedInAsAsync("canbo.stc");

        var wrongCurrent = await ChangeAsync(here, "khong-phai-mat-khau-nay", NewPassword);
        var weak = await ChangeAsync(here, BaoCaoApp.DemoPassword, "ngắn");
        var changed = await ChangeAsync(here, BaoCaoApp.DemoPassword, NewPassword);

        Assert.Equal(["Mật khẩu hiện tại không đúng."], (await wrongCurrent.ReadProblemAsync()).Errors!["currentPassword"]);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, "canbo.stc", BaoCaoApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "canbo.stc", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_last_ten_passwords_cannot_be_chosen_again()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = await app.SignedInAsAsync("canbo.stc");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(client, BaoCaoApp.DemoPassword, NewPassword)).StatusCode);

        var back = await ChangeAsync(client, NewPassword, BaoCaoApp.DemoPassword);
        var same = await ChangeAsync(client, NewPassword, NewPassword);

        Assert.Equal(["Không được dùng lại một trong 10 mật khẩu gần nhất."], (await back.ReadProblemAsync()).Errors!["newPassword"]);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_administrator_with_a_password_older_than_60_days_must_change_it_to_get_in(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Accounts:RequireTwoFactorForAdministratorsAndLeaders"] = "false" });
        await MakeRealAsync(app, "admin", account => account.PasswordChangedAt = BaoCaoApp.Start.AddDays(-61));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BaoCaoApp.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(login.GetProperty("requiresPasswordChange").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(client, BaoCaoApp.DemoPassword, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Accounts_unused_for_45_days_are_suspended_by_the_daily_job(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        await MakeRealAsync(app, "canbo.stc");
        await MakeRealAsync(app, "canbo.snv");
        app.Clock.Advance(TimeSpan.FromDays(40));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "canbo.snv", BaoCaoApp.DemoPassword)).StatusCode); // used on day 40
        app.Clock.Advance(TimeSpan.FromDays(6));

        var suspended = await app.InScopeAsync(sp => sp.GetRequiredService<DisableInactiveAccounts>().RunAsync(CancellationToken.None));
        var again = await app.InScopeAsync(sp => sp.GetRequiredService<DisableInactiveAccounts>().RunAsync(CancellationToken.None));

        Assert.Equal(1, suspended);
        Assert.Equal(0, again);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, "canbo.stc", BaoCaoApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "canbo.snv", BaoCaoApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "canbo.syt", BaoCaoApp.DemoPassword)).StatusCode); // demo accounts are exempt
    }
}
