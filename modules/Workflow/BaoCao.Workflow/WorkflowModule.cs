using BaoCao.SharedKernel.Exchange;
using Hangfire;
using BaoCao.Workflow.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Workflow;

/// <summary>Trình duyệt, duyệt, trả lại số liệu; gửi và tiếp nhận báo cáo; nhật ký hệ thống.</summary>
public sealed class WorkflowModule : IModule
{
    public const string SchemaName = "workflow";

    public string Name => "Workflow";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Duyệt số liệu", "/duyet-so-lieu", MudBlazor.Icons.Material.Outlined.FactCheck, 12, [Roles.Leader, Roles.Administrator, Roles.DataEntry]),
        new("Báo cáo", "/bao-cao", MudBlazor.Icons.Material.Outlined.Summarize, 13, [Roles.Leader, Roles.Administrator, Roles.DataEntry]),
        new("Thông báo", "/thong-bao", MudBlazor.Icons.Material.Outlined.Notifications, 2),
        new("Đối soát số liệu", "/trao-doi/doi-soat", MudBlazor.Icons.Material.Outlined.CompareArrows, 71, [Roles.Administrator]),
        new("Gói tin gửi đi", "/trao-doi/goi-tin-di", MudBlazor.Icons.Material.Outlined.Outbox, 72, [Roles.Administrator]),
        new("Nhật ký hệ thống", "/nhat-ky-he-thong", MudBlazor.Icons.Material.Outlined.History, 81, [Roles.Administrator]),
    ];

    public IReadOnlyList<ModuleCommand> Commands =>
    [
        new("verify-audit", "Kiểm tra chuỗi băm của nhật ký hệ thống (mã thoát 0: nguyên vẹn; 3: bị sửa, chèn hoặc xóa)", Features.VerifyAudit.RunAsync),
    ];

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // On by default; the test suite turns it off (2 s per app start) except where a test needs the history.
        if (services.GetRequiredService<IConfiguration>().GetValue("Demo:ApprovedHistory", true))
            await services.GetRequiredService<Demo.DemoApprovalsSeed>().SeedAsync(cancellationToken);
        await services.GetRequiredService<Demo.DemoReportsSeed>().SeedAsync(cancellationToken);
    }

    public void AddRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<Jobs.PushPacketsJob>(Jobs.PushPacketsJob.JobId, job => job.RunAsync(CancellationToken.None), "* * * * *");

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<Reports.ReportTables>();
        services.AddScoped<Demo.DemoReportsSeed>();
        services.AddScoped<Demo.DemoApprovalsSeed>();
        services.Configure<Exchange.ExchangeOptions>(configuration.GetSection("Exchange"));
        services.AddHttpClient(Exchange.PacketDelivery.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<Exchange.PacketDelivery>();
        services.AddScoped<Jobs.PushPacketsJob>();
        services.AddExchangePacket<SharedKernel.Exchange.DataValueSet>(SharedKernel.Exchange.DataValueSets.ReportDataPacket, "Dữ liệu báo cáo",
            "Số liệu đã duyệt của một biểu mẫu, một kỳ, một đơn vị theo dạng dataValueSets (DHIS2). Nhận vào: số liệu vào bản nhập của đơn vị, chờ trình và duyệt.", inbound: true);
        services.AddExchangePacket<SharedKernel.Exchange.ListReportData>(SharedKernel.Exchange.DataValueSets.ListReportDataPacket, "Dữ liệu báo cáo dạng danh sách",
            "Số liệu đã duyệt của một biểu mẫu và kỳ cho một đơn vị và các đơn vị trực thuộc, mỗi đơn vị một dòng. Nhận vào: số liệu vào bản nhập của từng đơn vị.", inbound: true);
        services.AddExchangePacket<Features.ShareReportPackets.OutlineSubmission>("outline-submission", "Báo cáo theo đề cương",
            "Một báo cáo đã gửi: phần lời theo đề cương, phần bảng số liệu, tệp đính kèm (base64, kèm SHA-256).");
        services.AddExchangePacket<Features.ShareReportPackets.RegimeReportStatus>("report-status", "Trạng thái báo cáo",
            "Tình hình gửi báo cáo của một chế độ báo cáo trong một kỳ: từng đơn vị phải báo cáo, đã gửi đúng hạn, trễ hạn hay chưa gửi.");
        services.AddModuleDbContext<WorkflowDbContext, WorkflowSqliteDbContext, WorkflowPostgreSqlDbContext>(configuration, SchemaName);
    }
}
