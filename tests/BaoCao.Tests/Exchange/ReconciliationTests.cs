using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Exchange;

/// <summary>Reconciliation against a source system's export with planted differences finds exactly them.</summary>
public sealed class ReconciliationTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reconciling_a_file_with_planted_differences_finds_exactly_them(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");
        await ExchangeScenario.ApproveOctoberAsync(officer, leader);
        var approved = (await admin.GetFromJsonAsync<JsonElement>("/api/exchange/dataValueSets?dataSet=BM-TC-THANG&period=202610&orgUnit=STC"))
            .GetProperty("dataValues").EnumerateArray().Select(v => (Element: v.GetProperty("dataElement").GetString()!, Value: v.GetProperty("value").GetString()!)).ToList();
        Assert.True(approved.Count >= 4, "the demo form has enough approved cells to plant differences in");

        // The source: one value changed, one left out, one extra, one the same number written differently.
        var changed = approved[0];
        var leftOut = approved[1];
        var reformatted = approved[2];
        var source = approved.Where(v => v != leftOut).Select(v => new
        {
            dataElement = v.Element,
            value = v == changed ? (decimal.Parse(v.Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)
                : v == reformatted ? decimal.Parse(v.Value, CultureInfo.InvariantCulture).ToString("0.000", CultureInfo.InvariantCulture) : v.Value,
        }).Append(new { dataElement = "CHI_CO_O_NGUON", value = "12" }).ToList();
        var response = await admin.PostAsJsonAsync("/api/exchange/reconciliations",
            new { source = "Hệ thống ngành tài chính", data = new { dataSet = "BM-TC-THANG", period = "202610", orgUnit = "STC", dataValues = source } });
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var officerRefused = await officer.GetAsync("/api/exchange/reconciliations");
        var latest = await admin.GetFromJsonAsync<JsonElement[]>("/api/exchange/reconciliations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = run.GetProperty("summary");
        Assert.Equal((approved.Count - 2, 1, 1, 1), (summary.GetProperty("matches").GetInt32(), summary.GetProperty("differences").GetInt32(),
            summary.GetProperty("missingHere").GetInt32(), summary.GetProperty("missingInSource").GetInt32()));
        var findings = run.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("dataElement").GetString(), f.GetProperty("approvedValue").GetString())).ToHashSet();
        Assert.Equal([("Different", changed.Element, changed.Value), ("MissingHere", "CHI_CO_O_NGUON", null), ("MissingInSource", leftOut.Element, leftOut.Value)], findings);
        Assert.Equal(HttpStatusCode.Forbidden, officerRefused.StatusCode);
        Assert.Equal(summary.GetProperty("id").GetGuid(), latest![0].GetProperty("id").GetGuid());
        var again = await admin.GetFromJsonAsync<JsonElement>($"/api/exchange/reconciliations/{latest[0].GetProperty("id").GetGuid()}");
        Assert.Equal(3, again.GetProperty("findings").GetArrayLength());

        // The same source as an .xlsx with the template's Vietnamese headings finds the same three.
        IReadOnlyList<object?>[] rows = [["Mã biểu mẫu", "Mã chỉ số", "Kỳ báo cáo", "Mã đơn vị", "Phân tổ", "Giá trị"],
            .. source.Select(v => (IReadOnlyList<object?>)["BM-TC-THANG", v.dataElement, "202610", "STC", "default", decimal.Parse(v.value, CultureInfo.InvariantCulture)])];
        var fromWorkbook = await UploadAsync(admin, BaoCao.SharedKernel.Files.OfficeFiles.Xlsx([("Nguồn", rows)]));
        Assert.Equal(HttpStatusCode.OK, fromWorkbook.StatusCode);
        var workbookSummary = (await fromWorkbook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary");
        Assert.Equal((approved.Count - 2, 1, 1, 1), (workbookSummary.GetProperty("matches").GetInt32(), workbookSummary.GetProperty("differences").GetInt32(),
            workbookSummary.GetProperty("missingHere").GetInt32(), workbookSummary.GetProperty("missingInSource").GetInt32()));
        var notAWorkbook = await UploadAsync(admin, "không phải excel"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notAWorkbook.StatusCode);
        Assert.Contains(".xlsx hợp lệ", await notAWorkbook.Content.ReadAsStringAsync());
        var noHeadings = await UploadAsync(admin, BaoCao.SharedKernel.Files.OfficeFiles.Xlsx([("Nguồn", [["a", "b"], [1, 2]])]));
        Assert.Contains("dòng tiêu đề", await noHeadings.Content.ReadAsStringAsync());
        using var template = await admin.GetAsync("/api/exchange/reconciliations/template");
        Assert.NotNull(BaoCao.SharedKernel.Files.OfficeFiles.ReadXlsx(await template.Content.ReadAsStreamAsync()));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient who, byte[] file)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "nguon.xlsx" } };
        return who.PostAsync($"/api/exchange/reconciliations/workbook?source={Uri.EscapeDataString("Tệp của ngành tài chính")}", form);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reconciling_with_a_configured_source_system_fetches_its_export(DatabaseKind database)
    {
        // The source is another BaoCao instance (a sectoral system speaking dataValueSets): it approved one figure differently.
        await using var sourceSystem = await BaoCaoApp.StartAsync(database);
        var sourceAdmin = await sourceSystem.SignedInAsAsync("admin");
        var token = (await (await sourceAdmin.PostAsJsonAsync("/api/accounts/tokens", new { name = "Đối soát của tỉnh", unitCode = "STC",
            permissions = new[] { "dashboards.view" }, expiresAt = "2027-06-30T00:00:00+07:00" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        await ApproveAsync(sourceSystem, 999);
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?>
        {
            ["Exchange:Sources:0:Code"] = "NGANH-TC",
            ["Exchange:Sources:0:Name"] = "Hệ thống báo cáo ngành Tài chính",
            ["Exchange:Sources:0:Url"] = "http://nguon.test/api/exchange/dataValueSets",
            ["Exchange:Sources:0:Token"] = token,
        }, services => services.AddHttpClient("exchange").ConfigurePrimaryHttpMessageHandler(() => sourceSystem.Server.CreateHandler()));
        await ApproveAsync(app, 777);
        var admin = await app.SignedInAsAsync("admin");

        var sources = await admin.GetFromJsonAsync<JsonElement[]>("/api/exchange/reconciliations/sources");
        var fetched = await admin.PostAsJsonAsync("/api/exchange/reconciliations/fetch", new { source = "NGANH-TC", dataSet = "BM-TC-THANG", period = "202610", orgUnit = "STC" });
        var unknown = await admin.PostAsJsonAsync("/api/exchange/reconciliations/fetch", new { source = "KHONG-CO" });
        var nothingThere = await admin.PostAsJsonAsync("/api/exchange/reconciliations/fetch", new { source = "NGANH-TC", dataSet = "BM-TC-THANG", period = "202610", orgUnit = "SCT" });

        Assert.Equal("NGANH-TC", Assert.Single(sources!).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var run = await fetched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hệ thống báo cáo ngành Tài chính", run.GetProperty("summary").GetProperty("source").GetString());
        var finding = Assert.Single(run.GetProperty("findings").EnumerateArray());
        Assert.Equal(("Different", "THU_XNK", "999", "777"), (finding.GetProperty("kind").GetString(), finding.GetProperty("dataElement").GetString(),
            finding.GetProperty("sourceValue").GetString(), finding.GetProperty("approvedValue").GetString()));
        Assert.True(run.GetProperty("summary").GetProperty("matches").GetInt32() >= 3);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, nothingThere.StatusCode); // the token's unit is STC: the source answers 403
        Assert.Contains("403", await nothingThere.Content.ReadAsStringAsync());
    }

    private static async Task ApproveAsync(BaoCaoApp app, decimal revenue) =>
        await ExchangeScenario.ApproveOctoberAsync(await app.SignedInAsAsync("canbo.stc"), await app.SignedInAsAsync("lanhdao.stc"), revenue);
}
