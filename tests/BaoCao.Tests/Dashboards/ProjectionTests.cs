using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Dashboards;

public sealed class ProjectionTests
{
    private const string Query = "/api/dashboards/query?indicator=THU_NSNN&units=STC&rollup=false&from={0}&to={0}";

    private static async Task<decimal?> ShownAsync(HttpClient client, string period)
    {
        var value = (await client.GetFromJsonAsync<JsonElement>(string.Format(Query, period))).GetProperty("series")[0].GetProperty("points")[0].GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }

    private static async Task<decimal> ApproveAsync(HttpClient officer, HttpClient leader, HttpClient admin, string period)
    {
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/workflow/submissions/BM-TC-THANG/STC/{period}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"/api/workflow/submissions/BM-TC-THANG/STC/{period}/approve", null)).StatusCode);
        var feed = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/approved?after=0&limit=10000");
        return feed.GetProperty("items").EnumerateArray()
            .Last(i => i.GetProperty("indicator").GetString() == "THU_NSNN" && i.GetProperty("period").GetString() == period && i.GetProperty("column").GetString() == "current"
                       && i.GetProperty("disaggregation").GetString() == "")
            .GetProperty("value").GetDecimal();
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Approvals_made_while_the_projector_was_down_are_caught_up_and_a_new_approval_wakes_it(DatabaseKind database)
    {
        await using var db = await TestDatabase.CreateAsync(database);
        decimal october;
        // The node's projector is down (crashed, or not started yet) while approvals commit.
        await using (var down = BaoCaoApp.StartOn(db, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" }))
        {
            var admin = await down.SignedInAsAsync("admin");
            october = await ApproveAsync(await down.SignedInAsAsync("canbo.stc"), await down.SignedInAsAsync("lanhdao.stc"), admin, "202610");
            Assert.Null(await ShownAsync(admin, "202610"));
        }

        await using var app = BaoCaoApp.StartOn(db);
        var viewer = await app.SignedInAsAsync("admin");
        await Eventually.TrueAsync(async () => await ShownAsync(viewer, "202610") == october, "the restarted projector catches up from its checkpoint");

        var september = await ApproveAsync(await app.SignedInAsAsync("canbo.stc"), await app.SignedInAsAsync("lanhdao.stc"), viewer, "202609");
        // The projector polls every 30 s: seeing it sooner means the approval's announcement woke it (latency: build/bench).
        await Eventually.TrueAsync(async () => await ShownAsync(viewer, "202609") == september, "the approval's announcement wakes the projector");
        Assert.Equal(october, await ShownAsync(viewer, "202610"));
    }
}
