using BaoCao.Forms.Demo;
using BaoCao.Forms.Persistence;
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
        var perMinute = configuration.GetValue("Exchange:InboundPerMinute", 60);
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options => options.AddPolicy(SharedKernel.Http.RateLimits.ExchangeInbound, context =>
            System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? $"user:{context.User.Identity.Name}" : $"address:{context.Connection.RemoteIpAddress}",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddModuleDbContext<FormsDbContext, FormsSqliteDbContext, FormsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
