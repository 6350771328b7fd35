using BaoCao.Dashboards.Persistence;
using BaoCao.Dashboards.Projection;
using BaoCao.SharedKernel.Exchange;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Time;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BaoCao.Dashboards;

/// <summary>Bảng điều khiển chỉ số cho lãnh đạo và dữ liệu công khai.</summary>
public sealed class DashboardsModule : IModule
{
    public const string SchemaName = "dashboards";

    public string Name => "Dashboards";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Bảng điều khiển", "/bang-dieu-khien", Icons.Material.Outlined.Insights, 70),
        new("Thiết kế bảng điều khiển", "/bang-dieu-khien/thiet-ke", Icons.Material.Outlined.DashboardCustomize, 71, [Roles.Administrator]),
        new("Dữ liệu công khai", "/cong-khai", Icons.Material.Outlined.Public, 72),
    ];

    public IReadOnlyList<ModuleCommand> Commands =>
    [
        new("rebuild-dashboards", "Dựng lại số liệu tổng hợp của bảng điều khiển (--from-scratch: đọc lại toàn bộ kho số liệu đã duyệt)",
            Features.RebuildDashboards.RunAsync),
    ];

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<Demo.DemoDashboardsSeed>().SeedAsync(cancellationToken);

    public void AddRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<Jobs.RebuildRollUpsJob>(Jobs.RebuildRollUpsJob.JobId, job => job.RunAsync(CancellationToken.None),
            "30 1 * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProjectionGate>();
        services.AddScoped<AggregatesProjector>();
        services.AddExchangePacket<Features.ShareKpiPackets.KpiSet>("kpi-set", "Bộ chỉ số KPI",
            "Các ô KPI của một bảng điều khiển: chỉ số, tên hiển thị, đơn vị tính, đơn vị và kỳ; số liệu tổng hợp từ đơn vị trực thuộc hay số liệu riêng.");
        services.AddExchangePacket<Features.ShareKpiPackets.KpiData>("kpi-data", "Số liệu KPI",
            "Giá trị các chỉ số KPI của một bảng điều khiển trong một kỳ cho một đơn vị, kèm cùng kỳ năm trước (chỉ số liệu đã duyệt).");
        services.AddScoped<SeriesReader>();
        services.AddScoped<ViewerScope>();
        services.AddScoped<Widgets.WidgetComposer>();
        services.AddSingleton<Widgets.DashboardCache>();
        services.AddScoped<Jobs.RebuildRollUpsJob>();
        services.AddScoped<Demo.DemoDashboardsSeed>();
        services.AddHostedService<AggregatesProjection>();
        services.AddModuleDbContext<DashboardsDbContext, DashboardsSqliteDbContext, DashboardsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
