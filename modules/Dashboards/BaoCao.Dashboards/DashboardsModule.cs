using BaoCao.Dashboards.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Dashboards;

/// <summary>Bảng điều khiển chỉ số cho lãnh đạo và dữ liệu công khai.</summary>
public sealed class DashboardsModule : IModule
{
    public const string SchemaName = "dashboards";

    public string Name => "Dashboards";

    public string Schema => SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<DashboardsDbContext, DashboardsSqliteDbContext, DashboardsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
