using BaoCao.Forms.Demo;
using BaoCao.Forms.Persistence;
using BaoCao.SharedKernel.Exchange;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BaoCao.Forms;

/// <summary>Chế độ báo cáo, biểu mẫu nhập liệu, nhập số liệu và trao đổi qua Excel.</summary>
public sealed class FormsModule : IModule
{
    public const string SchemaName = "forms";

    public string Name => "Forms";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Nhập số liệu", "/nhap-lieu", Icons.Material.Outlined.EditNote, 10, [Roles.DataEntry, Roles.Leader, Roles.Administrator]),
        new("Chế độ báo cáo", "/che-do-bao-cao", Icons.Material.Outlined.Gavel, 30),
        new("Biểu mẫu", "/bieu-mau", Icons.Material.Outlined.TableChart, 31, [Roles.Administrator]),
    ];

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DemoFormsSeed>().SeedAsync(cancellationToken);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemoFormsSeed>();
        services.AddSingleton<Integration.FormCache>();
        services.AddSingleton<SharedKernel.Persistence.INodeCache>(sp => sp.GetRequiredService<Integration.FormCache>());
        services.AddExchangePacket<Features.ShareRegimePackets.RegimePacket>("regime", "Chế độ báo cáo",
            "Một chế độ báo cáo: đơn vị báo cáo, đơn vị nhận, đơn vị chủ trì, tần suất, quy tắc kỳ và thời hạn, các biểu mẫu, các đợt (báo cáo chuyên đề, đột xuất).");
        services.AddExchangePacket<Features.ShareRegimePackets.DataFormPacket>("data-form", "Biểu mẫu nhập liệu",
            "Một phiên bản đã ban hành của biểu mẫu nhập liệu: các phần, dòng chỉ tiêu (đơn vị tính, kiểu giá trị, bắt buộc, công thức, phân tổ) và các cột.");
        services.AddExchangePacket<Features.ShareRegimePackets.OutlineFormPacket>("outline-form", "Biểu mẫu báo cáo (đề cương)",
            "Đề cương báo cáo của một chế độ: các mục phần lời kèm hướng dẫn và các bảng số liệu (chỉ tiêu, cột).");
        var perMinute = configuration.GetValue("Exchange:InboundPerMinute", 60);
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options => options.AddPolicy(SharedKernel.Http.RateLimits.ExchangeInbound, context =>
            System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? $"user:{context.User.Identity.Name}" : $"address:{context.Connection.RemoteIpAddress}",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddModuleDbContext<FormsDbContext, FormsSqliteDbContext, FormsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
