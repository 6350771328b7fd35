using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Exchange;

/// <summary>Reconciliation against a source system's export with planted differences finds exactly them.</summary>
public sealed class ReconciliationTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reconciling_a_file_with_planted_differences_finds_exactly_them(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await ScopeTests.AsAsync(app, "canbo.stc");
        var leader = await ScopeTests.AsAsync(app, "lanhdao.stc");
        var admin = await ScopeTests.AsAsync(app, "admin");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null)).StatusCode);
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
    }
}
