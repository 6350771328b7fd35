using System.Net;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Foundation;

public sealed class SmokeTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_app_starts_migrated_and_ready(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_home_page_speaks_Vietnamese(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Hệ thống thông tin báo cáo", html);
        Assert.Contains("Đăng nhập", html);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_reference_page_are_served()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/calendar/working-days/add", out _));
        var reference = await client.GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("BaoCao API", await reference.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_that_need_a_user_send_anonymous_visitors_to_sign_in_and_APIs_answer_401()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var jobs = await client.GetAsync("/jobs");
        Assert.True(jobs.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"/jobs answered {jobs.StatusCode}");

        var signIn = await client.GetStringAsync("/dang-nhap");
        Assert.Contains("Tên đăng nhập", signIn);
    }
}
