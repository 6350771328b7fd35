using BaoCao.Accounts.Jobs;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Security;
using BaoCao.SharedKernel.Time;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BaoCao.Accounts;

/// <summary>Đơn vị, tài khoản, phân quyền và đăng nhập một lần (SSO).</summary>
public sealed class AccountsModule : IModule
{
    public const string SchemaName = "accounts";

    public string Name => "Accounts";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Nhật ký bảo mật", "/tai-khoan/nhat-ky-bao-mat", Icons.Material.Outlined.Security, 80, [Roles.Administrator]),
    ];

    public void AddRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeExpiredSecurityLog>(PurgeExpiredSecurityLog.JobId, job => job.RunAsync(CancellationToken.None),
            "30 2 * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });

    // Until real accounts exist the demo administrator is the only account (its password is Demo:Password).
    public Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        services.GetRequiredService<DemoProvince>().AnnounceSignIn("admin", "Quản trị hệ thống và tổng hợp cấp tỉnh");
        return Task.CompletedTask;
    }

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PurgeExpiredSecurityLog>();
        // In the database, so a restart or a second node still reads the cookies the first one issued.
        services.AddDataProtection().SetApplicationName("BaoCao").PersistKeysToDbContext<AccountsDbContext>();
        services.AddModuleDbContext<AccountsDbContext, AccountsSqliteDbContext, AccountsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
