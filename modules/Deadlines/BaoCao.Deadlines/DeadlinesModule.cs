using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BaoCao.Deadlines;

/// <summary>Lịch làm việc, kỳ báo cáo, thời gian chốt số liệu, thời hạn và nhắc hạn.</summary>
public sealed class DeadlinesModule : IModule
{
    public const string SchemaName = "deadlines";

    public string Name => "Deadlines";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Lịch làm việc", "/thoi-han/lich", Icons.Material.Outlined.CalendarMonth, 50),
        new("Kỳ báo cáo và thời hạn", "/thoi-han/ky-bao-cao", Icons.Material.Outlined.EventNote, 51),
        new("Tính ngày làm việc", "/thoi-han/ngay-lam-viec", Icons.Material.Outlined.EventAvailable, 52),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WorkingCalendar>();
        services.AddModuleDbContext<DeadlinesDbContext, DeadlinesSqliteDbContext, DeadlinesPostgreSqlDbContext>(configuration, SchemaName);
    }
}
