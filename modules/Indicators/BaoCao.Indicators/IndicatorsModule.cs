using BaoCao.Indicators.Demo;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BaoCao.Indicators;

/// <summary>Danh mục chỉ số, đơn vị tính, công thức tính và quy tắc kiểm tra.</summary>
public sealed class IndicatorsModule : IModule
{
    public const string SchemaName = "indicators";

    public string Name => "Indicators";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Danh mục chỉ số", "/chi-so", Icons.Material.Outlined.Functions, 20),
        new("Nhập danh mục chỉ số", "/chi-so/nhap", Icons.Material.Outlined.UploadFile, 21, [Roles.Administrator]),
        new("Quy tắc kiểm tra số liệu", "/chi-so/quy-tac", Icons.Material.Outlined.Rule, 22, [Roles.Administrator]),
    ];

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DemoCatalogueSeed>().SeedAsync(cancellationToken);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemoCatalogueSeed>();
        services.AddSingleton<Integration.CatalogueCache>();
        services.AddSingleton<SharedKernel.Persistence.INodeCache>(sp => sp.GetRequiredService<Integration.CatalogueCache>());
        services.AddModuleDbContext<IndicatorsDbContext, IndicatorsSqliteDbContext, IndicatorsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
