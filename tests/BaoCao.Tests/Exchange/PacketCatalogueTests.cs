using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Json.Schema;
using Microsoft.AspNetCore.WebUtilities;

namespace BaoCao.Tests.Exchange;

/// <summary>The QCVN 125 packet types: each listed with a JSON Schema served without sign-in, each built from the demo
/// province's data, signed, and its payload valid against the schema published for it; units carry their national
/// administrative code where they have one.</summary>
public sealed class PacketCatalogueTests
{
    private static readonly string[] Types =
    [
        "data-form", "indicator-catalogue", "indicator-disaggregations", "indicator-groups", "kpi-data", "kpi-set", "list-report-data",
        "outline-form", "outline-submission", "period-catalogue", "regime", "report-data", "report-status",
    ];

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_packet_type_has_a_published_schema_and_every_packet_built_from_the_demo_province_matches_it(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var anonymous = app.CreateClient();
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var reporter = await app.SignedInAsAsync("canbo.sct");
        var stc = await admin.GetFromJsonAsync<JsonElement>("/api/units/STC");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/units/STC", new { name = stc.GetProperty("name").GetString(),
            administrativeCode = "Hoa Lư", version = stc.GetProperty("version").GetInt64() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/units/STC", new { name = stc.GetProperty("name").GetString(),
            administrativeCode = "14308", version = stc.GetProperty("version").GetInt64() })).StatusCode);
        await ExchangeScenario.ApproveOctoberAsync(officer, leader, 777);
        var sentReport = (await reporter.GetFromJsonAsync<JsonElement[]>("/api/workflow/reports?regimeCode=BC-KTXH-THANG"))!.First(r => r.GetProperty("state").GetString() == "Sent");
        var reportPeriod = sentReport.GetProperty("period").GetString();

        var listed = await anonymous.GetFromJsonAsync<JsonElement[]>("/api/exchange/schemas");
        Assert.Equal(Types, listed!.Select(t => t.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(["list-report-data", "report-data"], listed!.Where(t => t.GetProperty("inbound").GetBoolean()).Select(t => t.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/exchange/schemas/khong-co")).StatusCode);

        var requests = new Dictionary<string, (HttpClient Who, string Query)>
        {
            ["regime"] = (admin, "code=BC-KTXH-THANG"),
            ["data-form"] = (admin, "code=BM-TC-THANG"),
            ["outline-form"] = (admin, "code=BC-KTXH-THANG"),
            ["report-data"] = (admin, "dataSet=BM-TC-THANG&period=202610&orgUnit=14308"),
            ["list-report-data"] = (admin, "dataSet=BM-TC-THANG&period=202610&orgUnit=UBND-NB"),
            ["outline-submission"] = (reporter, $"regime=BC-KTXH-THANG&period={reportPeriod}&orgUnit=SCT"),
            ["report-status"] = (admin, $"regime=BC-KTXH-THANG&period={reportPeriod}"),
            ["period-catalogue"] = (admin, "year=2026"),
            ["indicator-catalogue"] = (admin, ""),
            ["indicator-groups"] = (admin, ""),
            ["indicator-disaggregations"] = (admin, ""),
            ["kpi-set"] = (admin, "dashboard=KTXH-TINH"),
            ["kpi-data"] = (admin, "dashboard=KTXH-TINH&period=202610"),
        };
        var payloads = new Dictionary<string, JsonElement>();
        foreach (var type in Types)
        {
            using var schemaResponse = await anonymous.GetAsync($"/api/exchange/schemas/{type}");
            Assert.True(schemaResponse.Content.Headers.ContentType?.MediaType == "application/schema+json", $"{type}: {await schemaResponse.Content.ReadAsStringAsync()}");
            var schemaNode = JsonNode.Parse(await schemaResponse.Content.ReadAsStringAsync())!.AsObject();
            Assert.EndsWith($"/api/exchange/schemas/{type}", (string?)schemaNode["$id"]);
            schemaNode.Remove("$id"); // both databases' runs build the same schema; the registry must not see one id twice
            var schema = JsonSchema.FromText(schemaNode.ToJsonString(), new BuildOptions());

            var (who, query) = requests[type];
            using var response = await who.GetAsync($"/api/exchange/packets/{type}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var packet = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(type, packet.GetProperty("type").GetString());
            var payload = JsonSerializer.Deserialize<JsonElement>(WebEncoders.Base64UrlDecode(packet.GetProperty("jws").GetString()!.Split('.')[1]));
            var result = schema.Evaluate(payload, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{type}: {JsonSerializer.Serialize(result)}");
            Assert.Equal(packet.GetProperty("packetId").GetString(), payload.GetProperty("id").GetString());
            payloads[type] = payload.GetProperty("body");
        }

        // The schema is strict enough to catch a wrong body: a report-data body without its values, a number where text goes.
        var reportDataSchema = JsonNode.Parse(await anonymous.GetStringAsync("/api/exchange/schemas/report-data"))!["properties"]!["body"]!.ToJsonString();
        var strict = JsonSchema.FromText(reportDataSchema, new BuildOptions());
        Assert.False(strict.Evaluate(JsonSerializer.SerializeToElement(new { dataSet = "BM-TC-THANG", period = "202610", orgUnit = "STC" })).IsValid);
        Assert.False(strict.Evaluate(JsonSerializer.SerializeToElement(new { dataSet = 5, period = "202610", orgUnit = "STC", dataValues = Array.Empty<object>() })).IsValid);

        // What the packets say: units by administrative code where they have one; the approved figure; real rows everywhere.
        Assert.Equal("14308", payloads["report-data"].GetProperty("orgUnit").GetString());
        Assert.Contains(payloads["report-data"].GetProperty("dataValues").EnumerateArray(), v => v.GetProperty("dataElement").GetString() == "THU_XNK" && v.GetProperty("value").GetString() == "777");
        Assert.Contains(payloads["list-report-data"].GetProperty("rows").EnumerateArray(), r => r.GetProperty("orgUnit").GetString() == "14308");
        Assert.Contains("14308", payloads["regime"].GetProperty("reportingUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains(payloads["data-form"].GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("rows").EnumerateArray()), r => r.GetProperty("indicator").GetString() == "THU_XNK");
        Assert.True(payloads["outline-form"].GetProperty("sections").GetArrayLength() > 0);
        Assert.Equal("SCT", payloads["outline-submission"].GetProperty("orgUnit").GetString());
        Assert.Contains(payloads["report-status"].GetProperty("units").EnumerateArray(), u => u.GetProperty("orgUnit").GetString() == "SCT" && u.GetProperty("status").GetString() == "Sent");
        Assert.Equal(20, payloads["period-catalogue"].GetProperty("periods").GetArrayLength());
        Assert.Contains(payloads["indicator-catalogue"].GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "THU_XNK");
        Assert.True(payloads["indicator-groups"].GetProperty("groups").GetArrayLength() > 0);
        Assert.True(payloads["indicator-disaggregations"].GetProperty("categories").GetArrayLength() > 0);
        Assert.Equal(3, payloads["kpi-set"].GetProperty("kpis").GetArrayLength());
        Assert.Equal(3, payloads["kpi-data"].GetProperty("values").GetArrayLength());

        // Bad parameters get a Vietnamese problem, not a packet.
        var missing = await admin.GetAsync("/api/exchange/packets/regime");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Cần mã chế độ báo cáo", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/exchange/packets/period-catalogue?year=3000")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/exchange/packets/report-data?dataSet=BM-TC-THANG&period=202610&orgUnit=SCT")).StatusCode);
    }
}
