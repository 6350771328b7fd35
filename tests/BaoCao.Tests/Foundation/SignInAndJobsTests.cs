using System.Net;
using System.Net.Http.Json;
using BaoCao.Accounts.Jobs;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation;

public sealed class SignInAndJobsTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_administrator_signs_in_through_the_form_and_reads_the_security_log(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await visitor.SignInAsync("admin", "mat-khau-sai");
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var admin = await app.AdministratorAsync();
        var log = await admin.GetFromJsonAsync<SecurityLogBody>("/api/accounts/security-log?userName=admin");

        Assert.Equal(2, log!.Total);
        Assert.Equal(["SignInSucceeded", "SignInFailed"], log.Entries.Select(e => e.Event));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_sign_in_survives_a_restart_because_the_keys_live_in_the_database(DatabaseKind database)
    {
        await using var data = await TestDatabase.CreateAsync(database);
        string cookie;
        await using (var first = BaoCaoApp.StartOn(data))
        {
            var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await client.SignInAsync("admin", BaoCaoApp.DemoPassword);
            cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("BaoCao.Auth=", StringComparison.Ordinal)).Split(';')[0];
            Assert.True(await first.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().DataProtectionKeys.AnyAsync()));
        }

        await using var second = BaoCaoApp.StartOn(data);
        var restarted = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        restarted.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync("/api/accounts/security-log")).StatusCode);
    }

    [Fact]
    public async Task The_security_log_is_for_administrators_only()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);

        var anonymous = await app.CreateClient().GetAsync("/api/accounts/security-log");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Chưa đăng nhập", (await anonymous.ReadProblemAsync()).Title);
    }

    [Fact]
    public async Task An_over_long_password_on_the_sign_in_page_is_a_message_not_an_error_page()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.SignInAsync("admin", new string('x', 129));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mật khẩu không được dài quá 128 ký tự.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Input.UserName"] = "admin", ["Input.Password"] = BaoCaoApp.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("BaoCao.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_jobs_dashboard_opens_for_administrators_only()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);

        var anonymous = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/jobs");
        var admin = await (await app.AdministratorAsync()).GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Tác vụ nền", await admin.Content.ReadAsStringAsync());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Modules_register_their_recurring_jobs_in_Vietnam_time(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var purge = connection.GetRecurringJobs().Single(j => j.Id == PurgeExpiredSecurityLog.JobId);

        Assert.Equal("30 2 * * *", purge.Cron);
        Assert.Equal("Asia/Ho_Chi_Minh", purge.TimeZoneId);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_security_log_keeps_twelve_months(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        await (await app.AdministratorAsync()).GetAsync("/"); // one line from today
        app.Clock.Advance(TimeSpan.FromDays(200));
        await app.AdministratorAsync();                       // one line from 200 days later

        app.Clock.Advance(TimeSpan.FromDays(200));             // the first is now older than 12 months
        var purged = await app.InScopeAsync(sp => sp.GetRequiredService<PurgeExpiredSecurityLog>().RunAsync(CancellationToken.None));
        var again = await app.InScopeAsync(sp => sp.GetRequiredService<PurgeExpiredSecurityLog>().RunAsync(CancellationToken.None));

        Assert.Equal(1, purged);
        Assert.Equal(0, again);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().SecurityLog.CountAsync()));
    }

    private sealed record SecurityLogBody(List<SecurityLogLine> Entries, int Total);

    private sealed record SecurityLogLine(DateTimeOffset At, string Event, string UserName, string? RemoteAddress);
}
