using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.SharedKernel.Exchange;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using BaoCao.SharedKernel.Time;
using Hangfire;
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
        new("Nhắc hạn báo cáo", "/thoi-han/nhac-han", Icons.Material.Outlined.NotificationsActive, 53, [Roles.Administrator]),
        new("Tình hình thực hiện chế độ báo cáo", "/thoi-han/tuan-thu", Icons.Material.Outlined.Leaderboard, 54, [Roles.Administrator, Roles.Leader]),
    ];

    public IReadOnlyList<Type> HomeWidgets => [typeof(Features.MyDeadlinesWidget)];

    /// <summary>Plans what the demo's units owe as of today, so the home page, the status board and the reminders show it.</summary>
    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<Reminders.ExpectedReports>().PlanAsync(VietnamTime.Today(services.GetRequiredService<TimeProvider>()), cancellationToken);

    public void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<Jobs.RemindLateUnitsJob>(Jobs.RemindLateUnitsJob.DailyJobId, job => job.RunTodayAsync(CancellationToken.None),
            "0 7 * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        jobs.AddOrUpdate<Jobs.RemindLateUnitsJob>(Jobs.RemindLateUnitsJob.RetryJobId, job => job.SendPendingAsync(CancellationToken.None),
            "*/5 * * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        jobs.AddOrUpdate<Jobs.GenerateComplianceJob>(Jobs.GenerateComplianceJob.JobId, job => job.RunAsync(CancellationToken.None),
            "0 6 1 * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });
    }

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WorkingCalendar>();
        services.AddSingleton<WorkingCalendar.Cache>();
        services.AddSingleton<SharedKernel.Persistence.INodeCache>(sp => sp.GetRequiredService<WorkingCalendar.Cache>());
        services.AddExchangePacket<Features.SharePeriodCatalogue.PeriodCatalogue>("period-catalogue", "Danh mục kỳ báo cáo",
            "Các kỳ báo cáo của một năm (tháng, quý, 6 tháng, 9 tháng, năm): thời gian chốt số liệu theo Nghị định 09/2019 hoặc theo lịch, thời hạn gửi đã dời theo ngày nghỉ.");
        services.AddScoped<Reminders.ExpectedReports>();
        services.AddScoped<Reminders.ReminderLadder>();
        services.AddScoped<Jobs.RemindLateUnitsJob>();
        services.AddScoped<Reminders.Compliance>();
        services.AddScoped<Jobs.GenerateComplianceJob>();
        services.AddModuleDbContext<DeadlinesDbContext, DeadlinesSqliteDbContext, DeadlinesPostgreSqlDbContext>(configuration, SchemaName);
    }
}
