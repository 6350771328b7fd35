using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Dashboards;

public sealed class DashboardTests
{
    private static object Design(string audience, string unit, long version, params object[] widgets) => new
    {
        title = "Theo dõi thu ngân sách",
        description = "Thử nghiệm",
        audience,
        unitCode = unit,
        periodKind = "Month",
        periods = 6,
        widgets,
        version,
    };

    private static readonly object RevenueLine = new { kind = "Line", title = "Thu ngân sách", indicators = new[] { "THU_NSNN" }, rollup = true };
    private static readonly object RevenueBar = new { kind = "Bar", title = "Thu ngân sách theo đơn vị", indicators = new[] { "THU_NSNN" }, rollup = true };

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Administrators_build_dashboards_against_the_version_they_loaded_and_bad_designs_get_field_messages(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        var created = await admin.PutAsJsonAsync("/api/dashboards/thu-ns", Design("UnitOfficers", "STC", 0, RevenueLine));
        var duplicate = await admin.PutAsJsonAsync("/api/dashboards/THU-NS", Design("UnitOfficers", "STC", 0, RevenueLine));
        var updated = await admin.PutAsJsonAsync("/api/dashboards/THU-NS", Design("UnitOfficers", "STC", 1, RevenueLine, RevenueBar));
        var stale = await admin.PutAsJsonAsync("/api/dashboards/THU-NS", Design("UnitOfficers", "STC", 1, RevenueLine));
        var byLeader = await leader.PutAsJsonAsync("/api/dashboards/LD-STC", Design("UnitLeaders", "STC", 0, RevenueLine));
        var noWidgets = await admin.PutAsJsonAsync("/api/dashboards/RONG", Design("Province", "UBND-NB", 0));
        var unknownIndicator = await admin.PutAsJsonAsync("/api/dashboards/SAI", Design("Province", "UBND-NB", 0,
            new { kind = "Kpi", title = "Không có", indicators = new[] { "KHONG_CO" } }));
        var noRegime = await admin.PutAsJsonAsync("/api/dashboards/SAI", Design("Province", "UBND-NB", 0, new { kind = "Completeness", title = "Báo cáo", indicators = Array.Empty<string>() }));
        var badCode = await admin.PutAsJsonAsync("/api/dashboards/có-dấu", Design("Province", "UBND-NB", 0, RevenueLine));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(1, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("widgets").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Contains("ít nhất một tiện ích", (await noWidgets.ReadProblemAsync()).Errors!["widgets"][0]);
        Assert.Contains("không có chỉ số mã 'KHONG_CO'", (await unknownIndicator.ReadProblemAsync()).Errors!["widgets[0].indicators"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, noRegime.StatusCode);
        Assert.Contains("chế độ báo cáo", await noRegime.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/dashboards/THU-NS")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/dashboards/THU-NS")).StatusCode);
    }

    [Fact]
    public async Task A_dashboard_opens_for_its_audience_only_and_shows_each_viewer_only_the_figures_of_their_scope()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        await ApprovedFeed.AppendAsync(app, ("STC", "THU_NSNN", "202605", 1500), ("SCT", "THU_NSNN", "202605", 20), ("STC", "THU_NSNN", "202505", 1200));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/dashboards/STC-CB", Design("UnitOfficers", "STC", 0, RevenueLine))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/dashboards/TINH", Design("Province", "UBND-NB", 0, RevenueBar,
            new { kind = "Kpi", title = "Thu ngân sách", indicators = new[] { "THU_NSNN" }, rollup = true }))).StatusCode);

        var stcOfficer = await app.SignedInAsAsync("canbo.stc");
        var sctOfficer = await app.SignedInAsAsync("canbo.sct");
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await stcOfficer.GetAsync("/api/dashboards/STC-CB")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sctOfficer.GetAsync("/api/dashboards/STC-CB")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/dashboards/STC-CB")).StatusCode);
        var listed = (await sctOfficer.GetFromJsonAsync<JsonElement[]>("/api/dashboards"))!.Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains("TINH", listed);
        Assert.DoesNotContain("STC-CB", listed);

        // The province dashboard: the administrator sees every department; the trade officer only their own department's bar.
        static async Task<Dictionary<string, decimal?>> BarsAsync(HttpClient client)
        {
            var data = await client.GetFromJsonAsync<JsonElement>("/api/dashboards/TINH?from=202605&to=202605");
            return data.GetProperty("widgets")[0].GetProperty("rows").EnumerateArray()
                .ToDictionary(r => r.GetProperty("code").GetString()!, r => (decimal?)r.GetProperty("values")[0].GetDecimal());
        }
        Assert.Equal(new Dictionary<string, decimal?> { ["STC"] = 1500, ["SCT"] = 20 }, await BarsAsync(admin));
        Assert.Equal(new Dictionary<string, decimal?> { ["SCT"] = 20 }, await BarsAsync(sctOfficer));
        // Composed dashboards are shared between viewers, but a new approval shows at once.
        await ApprovedFeed.AppendAsync(app, ("SCT", "THU_NSNN", "202605", 25));
        Assert.Equal(new Dictionary<string, decimal?> { ["STC"] = 1500, ["SCT"] = 25 }, await BarsAsync(admin));
        Assert.Equal(new Dictionary<string, decimal?> { ["SCT"] = 25 }, await BarsAsync(sctOfficer));
        var kpi = (await admin.GetFromJsonAsync<JsonElement>("/api/dashboards/TINH?from=202605&to=202605")).GetProperty("widgets")[1].GetProperty("kpi");
        Assert.Equal((1525m, 1200m, 27.1m), (kpi.GetProperty("value").GetDecimal(), kpi.GetProperty("lastYear").GetDecimal(), kpi.GetProperty("changePercent").GetDecimal()));
        var outside = await admin.GetAsync("/api/dashboards/STC-CB?unit=SCT");
        Assert.Contains("không thuộc phạm vi", (await outside.ReadProblemAsync()).Errors!["unit"][0]);
    }

    [LibreOfficeFact]
    public async Task Widget_figures_export_as_csv_and_as_an_xlsx_that_LibreOffice_opens()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        await ApprovedFeed.AppendAsync(app, ("STC", "THU_NSNN", "202604", 1400.5m), ("STC", "THU_NSNN", "202605", 1500));
        await admin.PutAsJsonAsync("/api/dashboards/XUAT", Design("Province", "UBND-NB", 0, RevenueLine));

        var csvResponse = await admin.GetAsync("/api/dashboards/XUAT/widgets/0/export?format=csv&from=202604&to=202605");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        var xlsx = await admin.GetByteArrayAsync("/api/dashboards/XUAT/widgets/0/export?format=xlsx&from=202604&to=202605");
        var badFormat = await admin.GetAsync("/api/dashboards/XUAT/widgets/0/export?format=pdf");
        var noWidget = await admin.GetAsync("/api/dashboards/XUAT/widgets/5/export?format=csv");

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal("\"Chỉ tiêu / đơn vị\",\"T04/2026\",\"T05/2026\"\r\n\"Tổng thu ngân sách nhà nước trên địa bàn\",1400.5,1500\r\n",
            Encoding.UTF8.GetString(csv[3..]));
        var sheet = await LibreOffice.ToCsvAsync(xlsx);
        Assert.Contains(sheet, line => line.Contains("T04/2026") && line.Contains("T05/2026"));
        Assert.Contains(sheet, line => line.Contains("1400.5") && line.Contains("1500"));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noWidget.StatusCode);
    }
}
