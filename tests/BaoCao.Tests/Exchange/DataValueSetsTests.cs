using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Exchange;

/// <summary>DHIS2-shaped data values: imported into the unit's working copy (dry run first), leaving as approved data only
/// after the unit submits and its leader approves; import strategies, scope and bad parameters.</summary>
public sealed class DataValueSetsTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_data_value_set_is_imported_dry_run_first_and_leaves_as_approved_data_only_after_approval(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var stranger = await app.SignedInAsAsync("canbo.sct");
        async Task<JsonElement> Import(HttpClient who, string query, params object[] values)
        {
            var response = await who.PostAsJsonAsync($"/api/exchange/dataValueSets{query}", new { dataSet = "BM-TC-THANG", period = "202610", orgUnit = "STC", dataValues = values });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        static (int, int, int, int) Counts(JsonElement summary) =>
            summary.GetProperty("importCount") is var c ? (c.GetProperty("imported").GetInt32(), c.GetProperty("updated").GetInt32(), c.GetProperty("ignored").GetInt32(), c.GetProperty("deleted").GetInt32()) : default;
        var before = await ExchangeScenario.CellAsync(officer, "THU_XNK");

        var dryRun = await Import(officer, "?dryRun=true", new { dataElement = "THU_XNK", categoryOptionCombo = "default", value = "210.5" },
            new { dataElement = "THU_DAT", value = "350" }, new { dataElement = "KHONG_CO", value = "1" });
        var afterDryRun = await ExchangeScenario.CellAsync(officer, "THU_XNK");
        var real = await Import(officer, "?importStrategy=CREATE_AND_UPDATE&idScheme=code", new { dataElement = "THU_XNK", categoryOptionCombo = "default", value = "210.5" },
            new { dataElement = "THU_DAT", value = "350" }, new { dataElement = "KHONG_CO", value = "1" });
        var create = await Import(officer, "?importStrategy=CREATE", new { dataElement = "THU_XNK", value = "999" });
        var delete = await Import(officer, "?importStrategy=DELETE", new { dataElement = "THU_DAT" });
        var foreign = await Import(stranger, "", new { dataElement = "THU_XNK", value = "1" });
        var exportedBeforeApproval = await leader.GetFromJsonAsync<JsonElement>("/api/exchange/dataValueSets?dataSet=BM-TC-THANG&period=202610&orgUnit=STC");

        Assert.Equal(("WARNING", true), (dryRun.GetProperty("status").GetString(), dryRun.GetProperty("dryRun").GetBoolean()));
        Assert.Equal(2, Counts(dryRun).Item1 + Counts(dryRun).Item2);
        Assert.Contains(dryRun.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("object").GetString()!.Contains("KHONG_CO") && c.GetProperty("value").GetString()!.Contains("không có trong biểu mẫu"));
        Assert.Equal(before, afterDryRun); // a dry run writes nothing
        Assert.Equal(Counts(dryRun), Counts(real));
        Assert.Equal((0, 0, 1, 0), Counts(create));
        Assert.Contains("không ghi đè", create.GetProperty("conflicts")[0].GetProperty("value").GetString());
        Assert.Equal((0, 0, 0, 1), Counts(delete));
        Assert.Equal(210.5m, await ExchangeScenario.CellAsync(officer, "THU_XNK")); // a machine-format string is a number, not 2.105 read the Vietnamese way
        Assert.Null(await ExchangeScenario.CellAsync(officer, "THU_DAT"));
        Assert.Equal(("ERROR", (0, 0, 1, 0)), (foreign.GetProperty("status").GetString(), Counts(foreign)));
        Assert.Empty(exportedBeforeApproval.GetProperty("dataValues").EnumerateArray()); // imported is not approved

        await ExchangeScenario.ApproveOctoberAsync(officer, leader);
        var exported = await leader.GetFromJsonAsync<JsonElement>("/api/exchange/dataValueSets?dataSet=bm-tc-thang&period=202610&orgUnit=STC&idScheme=id");
        var changes = await leader.GetFromJsonAsync<JsonElement>("/api/exchange/changes?after=0");

        Assert.Equal(("BM-TC-THANG", "202610", "STC"), (exported.GetProperty("dataSet").GetString(), exported.GetProperty("period").GetString(), exported.GetProperty("orgUnit").GetString()));
        var xnk = exported.GetProperty("dataValues").EnumerateArray().Single(v => v.GetProperty("dataElement").GetString() == "THU_XNK");
        Assert.Equal(("210.5", "default", "STC", "202610"), (xnk.GetProperty("value").GetString(), xnk.GetProperty("categoryOptionCombo").GetString(),
            xnk.GetProperty("orgUnit").GetString(), xnk.GetProperty("period").GetString()));
        Assert.DoesNotContain(exported.GetProperty("dataValues").EnumerateArray(), v => v.GetProperty("dataElement").GetString() == "THU_DAT");
        var change = changes.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("dataElement").GetString() == "THU_XNK");
        Assert.Equal(("BM-TC-THANG", "210.5"), (change.GetProperty("dataSet").GetString(), change.GetProperty("value").GetString()));
        Assert.Equal(changes.GetProperty("items").EnumerateArray().Max(c => c.GetProperty("sequence").GetInt64()), changes.GetProperty("last").GetInt64());
    }

    /// <summary>A dry run runs exactly the real import's checks: on an open period with good and bad values, and on an
    /// approved period (which used to answer SUCCESS to the dry run while the real import was refused).</summary>
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_dry_run_answers_exactly_what_the_real_import_answers_on_good_bad_and_approved_period_values(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        object[] values = [new { dataElement = "THU_XNK", categoryOptionCombo = "default", value = "210.5" }, new { dataElement = "THU_DAT", value = "abc" },
            new { dataElement = "KHONG_CO", value = "1" }];
        async Task<string> Import(bool dryRun)
        {
            var response = await officer.PostAsJsonAsync($"/api/exchange/dataValueSets?dryRun={(dryRun ? "true" : "false")}",
                new { dataSet = "BM-TC-THANG", period = "202610", orgUnit = "STC", dataValues = values });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(dryRun, summary.GetProperty("dryRun").GetBoolean());
            // Everything but the dryRun flag itself.
            return string.Join("|", summary.GetProperty("status").GetString(), summary.GetProperty("importCount").GetRawText(), summary.GetProperty("conflicts").GetRawText());
        }

        var openDry = await Import(dryRun: true);
        var openReal = await Import(dryRun: false);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null)).StatusCode);
        var approvedDry = await Import(dryRun: true);
        var approvedReal = await Import(dryRun: false);

        Assert.Equal(openDry, openReal);
        Assert.StartsWith("WARNING|", openReal);
        Assert.Equal(approvedDry, approvedReal);
        Assert.DoesNotContain("SUCCESS", approvedDry);
        Assert.Contains("đã được duyệt", approvedDry);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bad_parameters_get_a_Vietnamese_problem_and_foreign_units_are_refused(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        async Task<(HttpStatusCode, string)> Problem(Task<HttpResponseMessage> request)
        {
            using var response = await request;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            // The detail, and the field messages listed under "errors".
            return (response.StatusCode, body.GetProperty("detail").GetString() + " " + (body.TryGetProperty("errors", out var errors) ? errors.GetRawText() : ""));
        }

        var strategy = await Problem(officer.PostAsJsonAsync("/api/exchange/dataValueSets?importStrategy=MERGE", new { dataSet = "BM-TC-THANG", dataValues = Array.Empty<object>() }));
        var scheme = await Problem(officer.PostAsJsonAsync("/api/exchange/dataValueSets?idScheme=name", new { dataSet = "BM-TC-THANG", dataValues = Array.Empty<object>() }));
        var noValues = await Problem(officer.PostAsJsonAsync("/api/exchange/dataValueSets", new { dataSet = "BM-TC-THANG" }));
        var noDataSet = await Problem(officer.GetAsync("/api/exchange/dataValueSets?period=202610&orgUnit=STC"));
        var badPeriod = await Problem(officer.GetAsync("/api/exchange/dataValueSets?dataSet=BM-TC-THANG&period=2026-10&orgUnit=STC"));
        var unknownUnit = await Problem(officer.GetAsync("/api/exchange/dataValueSets?dataSet=BM-TC-THANG&period=202610&orgUnit=KHONG-CO"));
        var foreignUnit = await Problem(officer.GetAsync("/api/exchange/dataValueSets?dataSet=BM-CT-THANG&period=202610&orgUnit=SCT"));
        var anonymous = await app.CreateClient().GetAsync("/api/exchange/dataValueSets?dataSet=BM-TC-THANG&period=202610&orgUnit=STC");

        Assert.Equal((HttpStatusCode.BadRequest, true), (strategy.Item1, strategy.Item2.Contains("CREATE_AND_UPDATE")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (scheme.Item1, scheme.Item2.Contains("idScheme")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (noValues.Item1, noValues.Item2.Contains("dataValues")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (noDataSet.Item1, noDataSet.Item2.Contains("dataSet")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (badPeriod.Item1, badPeriod.Item2.Contains("không hợp lệ")));
        Assert.Equal(HttpStatusCode.NotFound, unknownUnit.Item1);
        Assert.Equal((HttpStatusCode.Forbidden, true), (foreignUnit.Item1, foreignUnit.Item2.Contains("SCT")));
        Assert.Contains(anonymous.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task Pushing_data_is_rate_limited_per_caller_with_a_Vietnamese_429()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Exchange:InboundPerMinute"] = "2" });
        var officer = await app.SignedInAsAsync("canbo.stc");
        var other = await app.SignedInAsAsync("canbo.sct");
        Task<HttpResponseMessage> Push(HttpClient who) =>
            who.PostAsJsonAsync("/api/exchange/dataValueSets?dryRun=true", new { dataSet = "BM-TC-THANG", period = "202610", orgUnit = "STC", dataValues = new[] { new { dataElement = "THU_XNK", value = "1" } } });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await Push(officer)).StatusCode);
        using var refused = await Push(officer);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var someoneElse = await Push(other); // another caller has a budget of its own

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", problem.GetProperty("detail").GetString());
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After tells the caller when to come back");
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }
}
