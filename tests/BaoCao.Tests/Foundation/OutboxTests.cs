using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Features;
using BaoCao.Accounts.Persistence;
using BaoCao.Deadlines.Persistence;
using BaoCao.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation;

/// <summary>Cross-module notifications are written with the change and published after commit; a crash in
/// between delays delivery but loses nothing. Accounts announces sign-ins; Deadlines counts them.</summary>
public sealed class OutboxTests
{
    private static Task<int> SignInsCountedAsync(BaoCaoApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<DeadlinesDbContext>().UsageEvents.CountAsync());

    private static Task<int> UndeliveredAsync(BaoCaoApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().Outbox.CountAsync(m => m.DispatchedAt == null));

    private static Task<BaoCao.Accounts.Security.SignInOutcome> SignInAsync(BaoCaoApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new SignIn.Command("admin", BaoCaoApp.DemoPassword, "127.0.0.1")).AsTask());

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_notification_is_delivered_right_after_commit(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        Assert.Equal(BaoCao.Accounts.Security.SignInKind.SignedIn, (await SignInAsync(app)).Kind);

        await Eventually.TrueAsync(async () => await SignInsCountedAsync(app) == 1, "Deadlines counts the sign-in");
        await Eventually.TrueAsync(async () => await UndeliveredAsync(app) == 0, "the outbox message is marked delivered");
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_notification_committed_before_a_crash_is_delivered_after_the_restart(DatabaseKind database)
    {
        await using var data = await TestDatabase.CreateAsync(database);

        // The process "dies" after the commit and before any publishing: its dispatcher never runs.
        await using (var crashed = BaoCaoApp.StartOn(data, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }))
        {
            Assert.Equal(BaoCao.Accounts.Security.SignInKind.SignedIn, (await SignInAsync(crashed)).Kind);
            await Task.Delay(500);
            Assert.Equal(0, await SignInsCountedAsync(crashed));
            Assert.Equal(1, await UndeliveredAsync(crashed));
        }

        await using var restarted = BaoCaoApp.StartOn(data);
        await Eventually.TrueAsync(async () => await SignInsCountedAsync(restarted) == 1, "the restarted node catches up");
        Assert.Equal(0, await UndeliveredAsync(restarted));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_redelivered_notification_is_counted_once(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var signedIn = new UserSignedIn(Guid.NewGuid(), "admin", BaoCaoApp.Start);

        for (var delivery = 0; delivery < 3; delivery++)
            await app.InScopeAsync(sp => sp.GetRequiredService<IPublisher>().Publish(signedIn).AsTask());

        Assert.Equal(1, await SignInsCountedAsync(app));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_failed_sign_in_is_logged_and_announces_nothing(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        var outcome = await app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new SignIn.Command("admin", "sai-mat-khau", "10.0.0.9")).AsTask());

        Assert.Equal(BaoCao.Accounts.Security.SignInKind.Invalid, outcome.Kind);
        var logged = await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().SecurityLog.SingleAsync());
        Assert.Equal("admin", logged.UserName);
        Assert.Equal("10.0.0.9", logged.RemoteAddress);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().Outbox.CountAsync()));
    }
}
