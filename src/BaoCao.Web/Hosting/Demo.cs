using BaoCao.SharedKernel.Security;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BaoCao.Web.Hosting;

/// <summary>Seeds the demo province on a fresh embedded database and prints where to sign in.</summary>
internal static class Demo
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, "data");
        // Seeded by default only in Development (the README's run command): an install elsewhere gets it only with Demo:Seed=true.
        builder.Services.AddSingleton(DemoProvince.From(builder.Configuration, dataDirectory, defaultEnabled: builder.Environment.IsDevelopment()));
        return builder;
    }

    public static async Task SeedDemoAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var demo = app.Services.GetRequiredService<DemoProvince>();
        if (!demo.Enabled)
            return;
        foreach (var module in app.Services.GetRequiredService<ModuleRegistry>().Modules)
        {
            await using var scope = SystemActor.Begin(app.Services);
            await module.SeedDemoAsync(scope.ServiceProvider, cancellationToken);
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, demo));
    }

    private static void PrintBanner(WebApplication app, DemoProvince demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        url = url.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost");
        var lines = new List<string>
        {
            "",
            "BaoCao — Hệ thống thông tin báo cáo (tỉnh mẫu)",
            $"  Mở trình duyệt:  {url}",
            $"  Đăng nhập:       {url}{Security.SignInPath}",
            $"  Tài liệu API:    {url}/api-docs",
            $"  Mật khẩu demo:   {demo.Password}" + (demo.PasswordGenerated ? $"   (tự sinh, lưu ở {demo.PasswordFile}; đặt biến môi trường Demo__Password để thay)" : ""),
            "  Tài khoản demo:",
        };
        lines.AddRange(demo.SignIns.Select(s => $"    {s.Key,-24} {s.Value}"));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
