using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Indicators;

/// <summary>Danh mục chỉ số, đơn vị tính, công thức tính và quy tắc kiểm tra.</summary>
public sealed class IndicatorsModule : IModule
{
    public const string SchemaName = "indicators";

    public string Name => "Indicators";

    public string Schema => SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IndicatorsDbContext, IndicatorsSqliteDbContext, IndicatorsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
