using BaoCao.Indicators.Demo;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Exchange;
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
        services.AddExchangePacket<Features.ShareCataloguePackets.IndicatorCatalogue>("indicator-catalogue", "Hệ thống chỉ số",
            "Các chỉ số của tỉnh theo phiên bản hiệu lực tại một ngày: tên, đơn vị tính, kiểu giá trị, cách cộng dồn theo đơn vị và theo thời gian, nhóm, công thức, phân tổ.");
        services.AddExchangePacket<Features.ShareCataloguePackets.IndicatorGroups>("indicator-groups", "Nhóm chỉ số",
            "Cây nhóm chỉ số (ngành → lĩnh vực) và các chỉ số thuộc từng nhóm.");
        services.AddExchangePacket<Features.ShareCataloguePackets.IndicatorDisaggregations>("indicator-disaggregations", "Phân tổ chỉ số",
            "Các tiêu chí phân tổ (giới tính, thành thị/nông thôn…) và các giá trị của từng tiêu chí.");
        services.AddSingleton<Integration.CatalogueCache>();
        services.AddSingleton<SharedKernel.Persistence.INodeCache>(sp => sp.GetRequiredService<Integration.CatalogueCache>());
        services.AddModuleDbContext<IndicatorsDbContext, IndicatorsSqliteDbContext, IndicatorsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
