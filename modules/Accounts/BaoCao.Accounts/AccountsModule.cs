using BaoCao.Accounts.Persistence;
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
        new("Tài khoản", "/tai-khoan", Icons.Material.Outlined.ManageAccounts, 80),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AccountsDbContext, AccountsSqliteDbContext, AccountsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
