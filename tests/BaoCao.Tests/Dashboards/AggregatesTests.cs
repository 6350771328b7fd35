using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Dashboards;

public sealed class AggregatesTests
{
    private static async Task<decimal?[]> SeriesAsync(HttpClient client, string query)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/dashboards/query?{query}");
        return [.. answer.GetProperty("series")[0].GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : p.GetProperty("value").GetDecimal())];
    }

    private static async Task<decimal?> ValueAsync(HttpClient client, string indicator, string unit, string period, bool rollup = true) =>
        (await SeriesAsync(client, $"indicator={indicator}&units={unit}&from={period}&to={period}&rollup={rollup}"))[0];

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Figures_roll_up_the_unit_tree_by_each_rule_and_merged_units_count_under_their_successor_while_they_existed(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        // Tam Điệp joins Hoa Lư after June 2026: its May figures count under Hoa Lư, its August ones nowhere.
        var merged = await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge", new { successorCode = "P-HOALU", lastDay = "2026-06-30" });
        Assert.Equal(HttpStatusCode.NoContent, merged.StatusCode);
        await ApprovedFeed.AppendAsync(app,
            ("P-HOALU", "HO_NGHEO", "202604", 90), ("P-HOALU", "HO_NGHEO", "202605", 100), ("P-TAMDIEP", "HO_NGHEO", "202605", 50), ("P-NAMDINH", "HO_NGHEO", "202605", 30),
            ("P-HOALU", "HO_NGHEO", "202608", 120), ("P-TAMDIEP", "HO_NGHEO", "202608", 999), ("P-NAMDINH", "HO_NGHEO", "202608", 40),
            ("P-HOALU", "TL_TIEM_CHUNG", "202605", 96), ("P-TAMDIEP", "TL_TIEM_CHUNG", "202605", 90), ("P-NAMDINH", "TL_TIEM_CHUNG", "202605", 81),
            ("P-HOALU", "TL_CHE_PHU_RUNG", "202605", 40), ("P-HOALU", "DT_TU_NHIEN", "202605", 100),
            ("P-NAMDINH", "TL_CHE_PHU_RUNG", "202605", 20), ("P-NAMDINH", "DT_TU_NHIEN", "202605", 300),
            ("P-HOALU", "THU_NSNN", "202605", 200), ("P-TAMDIEP", "THU_NSNN", "202605", 100),
            ("P-HOALU", "THU_NOI_DIA", "202605", 150), ("P-TAMDIEP", "THU_NOI_DIA", "202605", 30));

        // Sum: Hoa Lư 100 + Tam Điệp 50 (merged in); the province 150 + Nam Định 30, Tam Điệp not counted twice.
        Assert.Equal(150m, await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202605"));
        Assert.Equal(100m, await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202605", rollup: false));
        Assert.Equal(180m, await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202605"));
        Assert.Equal(160m, await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202608"));
        Assert.Equal(120m, await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202608"));
        // Last value over time: the second quarter is May's figure, the last month with one.
        Assert.Equal(100m, await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "2026Q2", rollup: false));
        // Average: Hoa Lư (96 + 90) / 2 = 93; the province (93 + 81) / 2 = 87.
        Assert.Equal(93m, await ValueAsync(admin, "TL_TIEM_CHUNG", "P-HOALU", "202605"));
        Assert.Equal(87m, await ValueAsync(admin, "TL_TIEM_CHUNG", "UBND-NB", "202605"));
        // Weighted by natural area: (40 × 100 + 20 × 300) / 400 = 25.
        Assert.Equal(25m, await ValueAsync(admin, "TL_CHE_PHU_RUNG", "UBND-NB", "202605"));
        // A computed share is the ratio of the rolled inputs: (150 + 30) / (200 + 100) × 100.
        Assert.Equal(60m, await ValueAsync(admin, "TT_THU_ND", "P-HOALU", "202605"));
        // A later approval replaces a figure; an emptied cell leaves the roll-up.
        await ApprovedFeed.AppendAsync(app, ("P-NAMDINH", "HO_NGHEO", "202605", 35), ("P-TAMDIEP", "HO_NGHEO", "202605", null));
        Assert.Equal(135m, await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202605"));
        // The series has one point per period, null where nothing was approved.
        Assert.Equal([90m, 100m, null], await SeriesAsync(admin, "indicator=HO_NGHEO&units=P-HOALU&from=202604&to=202606&rollup=false"));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Officers_see_only_their_units_figures_and_anonymous_callers_only_what_was_published(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");
        var anonymous = app.CreateClient();
        await ApprovedFeed.AppendAsync(app, ("P-HOALU", "HO_NGHEO", "202605", 100), ("P-NAMDINH", "HO_NGHEO", "202605", 30), ("STC", "HO_NGHEO", "202605", 7));

        Assert.Equal(7m, await ValueAsync(officer, "HO_NGHEO", "STC", "202605"));
        Assert.Null(await ValueAsync(officer, "HO_NGHEO", "P-HOALU", "202605"));
        Assert.Null(await ValueAsync(officer, "HO_NGHEO", "UBND-NB", "202605"));
        Assert.Null(await ValueAsync(anonymous, "HO_NGHEO", "UBND-NB", "202605"));
        var officerPublishes = await officer.PostAsJsonAsync("/api/dashboards/publications", new { indicators = new[] { "HO_NGHEO" }, periods = new[] { "202605" } });
        Assert.Equal(HttpStatusCode.Forbidden, officerPublishes.StatusCode);

        var published = await admin.PostAsJsonAsync("/api/dashboards/publications", new { indicators = new[] { "HO_NGHEO" }, periods = new[] { "202605" } });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(137m, await ValueAsync(anonymous, "HO_NGHEO", "UBND-NB", "202605"));
        Assert.Equal(100m, await ValueAsync(officer, "HO_NGHEO", "P-HOALU", "202605"));
        Assert.Null(await ValueAsync(anonymous, "HO_NGHEO", "UBND-NB", "202606"));
        var list = await anonymous.GetFromJsonAsync<JsonElement[]>("/api/dashboards/publications");
        Assert.Equal(("HO_NGHEO", "202605"), (list![0].GetProperty("indicator").GetString(), list[0].GetProperty("period").GetString()));

        // A correction approved later is public only once published again.
        await ApprovedFeed.AppendAsync(app, ("P-NAMDINH", "HO_NGHEO", "202605", 35));
        Assert.Equal(142m, await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202605"));
        Assert.Equal(137m, await ValueAsync(anonymous, "HO_NGHEO", "UBND-NB", "202605"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/dashboards/publications/HO_NGHEO/202605")).StatusCode);
        Assert.Null(await ValueAsync(anonymous, "HO_NGHEO", "UBND-NB", "202605"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/dashboards/publications/HO_NGHEO/202605")).StatusCode);
    }

    /// <summary>A quarter made of two of its three months used to be answered as a total, publicly too: each point now says
    /// whether it is complete and how many of its parts it holds; the public gets no incomplete combined figure and an
    /// incomplete quarter is not published.</summary>
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_combined_period_says_how_many_of_its_parts_it_holds_and_the_public_never_reads_a_partial_total(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        var anonymous = app.CreateClient();
        await ApprovedFeed.AppendAsync(app,
            ("P-HOALU", "THU_NSNN", "202604", 100), ("P-HOALU", "THU_NSNN", "202605", 110), ("P-HOALU", "THU_NSNN", "202606", 120),
            ("P-HOALU", "THU_NSNN", "202607", 1000), ("P-HOALU", "THU_NSNN", "202608", 1200),
            ("P-HOALU", "THU_NOI_DIA", "202607", 800), ("P-HOALU", "THU_NOI_DIA", "202608", 900));
        static async Task<JsonElement[]> PointsAsync(HttpClient client, string query) =>
            [.. (await client.GetFromJsonAsync<JsonElement>($"/api/dashboards/query?{query}")).GetProperty("series")[0].GetProperty("points").EnumerateArray()];
        static (decimal? Value, bool Complete, int Present, int Expected) Read(JsonElement p) =>
            (p.GetProperty("value").ValueKind == JsonValueKind.Null ? null : p.GetProperty("value").GetDecimal(), p.GetProperty("complete").GetBoolean(),
                p.GetProperty("parts").GetProperty("present").GetInt32(), p.GetProperty("parts").GetProperty("expected").GetInt32());

        var quarters = await PointsAsync(admin, "indicator=THU_NSNN&units=P-HOALU&from=2026Q2&to=2026Q3&rollup=false");
        var months = await PointsAsync(admin, "indicator=THU_NSNN&units=P-HOALU&from=202608&to=202609&rollup=false");
        var year = Read((await PointsAsync(admin, "indicator=THU_NSNN&units=P-HOALU&from=2026&to=2026&rollup=false"))[0]);
        var share = Read((await PointsAsync(admin, "indicator=TT_THU_ND&units=P-HOALU&from=2026Q3&to=2026Q3&rollup=false"))[0]);
        var publishQuarter = await admin.PostAsJsonAsync("/api/dashboards/publications", new { indicators = new[] { "THU_NSNN" }, periods = new[] { "2026Q3" } });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/dashboards/publications",
            new { indicators = new[] { "THU_NSNN" }, periods = new[] { "202604", "202605", "202606", "202607", "202608", "2026Q2" } })).StatusCode);
        var publicQuarters = await PointsAsync(anonymous, "indicator=THU_NSNN&units=P-HOALU&from=2026Q2&to=2026Q3&rollup=false");

        Assert.Equal((330m, true, 3, 3), Read(quarters[0]));
        Assert.Equal((2200m, false, 2, 3), Read(quarters[1]));   // signed-in: the figure, said to hold two of three months
        Assert.Equal((1200m, true, 1, 1), Read(months[0]));
        Assert.Equal((null, false, 0, 1), Read(months[1]));
        Assert.False(year.Complete);
        Assert.True(year.Present < year.Expected);
        Assert.Equal((false, 2, 3), (share.Complete, share.Present, share.Expected)); // a computed figure is as complete as its inputs
        Assert.Equal(HttpStatusCode.BadRequest, publishQuarter.StatusCode);
        Assert.Contains("chưa đủ kỳ", (await publishQuarter.ReadProblemAsync()).Errors!["periods"][0]);
        Assert.Equal((330m, true, 1, 1), Read(publicQuarters[0])); // published as a complete quarter
        Assert.Equal((null, false, 2, 3), Read(publicQuarters[1])); // July and August are public, the third quarter is not a total
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_merge_after_the_figures_were_projected_rolls_them_up_again_by_itself(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        await ApprovedFeed.AppendAsync(app, ("P-HOALU", "HO_NGHEO", "202605", 100), ("P-TAMDIEP", "HO_NGHEO", "202605", 50), ("P-NAMDINH", "HO_NGHEO", "202605", 30));
        Assert.Equal(100m, await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202605"));

        // No rebuild asked for: the merger itself has the roll-ups follow the new tree.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge", new { successorCode = "P-HOALU", lastDay = "2026-06-30" })).StatusCode);
        await Eventually.TrueAsync(async () => await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202605") == 150m, "Hoa Lư's roll-up takes in Tam Điệp's May");

        Assert.Equal(180m, await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202605"));
        // The manual rebuild stays for rule changes, for province administrators only, and agrees.
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/dashboards/rebuild", null)).StatusCode);
        var rebuilt = await (await admin.PostAsync("/api/dashboards/rebuild", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rollUps", rebuilt.GetProperty("mode").GetString());
        Assert.Equal((150m, 180m), (await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202605"), await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202605")));
        var fromScratch = await (await admin.PostAsync("/api/dashboards/rebuild?fromScratch=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, fromScratch.GetProperty("count").GetInt32());
        Assert.Equal((150m, 180m), (await ValueAsync(admin, "HO_NGHEO", "P-HOALU", "202605"), await ValueAsync(admin, "HO_NGHEO", "UBND-NB", "202605")));
    }

    [Fact]
    public async Task Bad_queries_get_Vietnamese_problems_and_never_a_500()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        var cases = new (string Query, HttpStatusCode Status, string Says)[]
        {
            ("", HttpStatusCode.BadRequest, "mã chỉ số"),
            ("indicator=KHONG_CO", HttpStatusCode.NotFound, "Không có chỉ số"),
            ("indicator=HO_NGHEO&units=KHONG-CO", HttpStatusCode.NotFound, "Không có đơn vị"),
            ("indicator=HO_NGHEO&from=2026-05", HttpStatusCode.BadRequest, "không hợp lệ"),
            ("indicator=HO_NGHEO&from=202601&to=2026Q2", HttpStatusCode.BadRequest, "cùng loại"),
            ("indicator=HO_NGHEO&from=202612&to=202601", HttpStatusCode.BadRequest, "không sau"),
            ("indicator=HO_NGHEO&from=190101&to=209912", HttpStatusCode.BadRequest, "240 kỳ"),
            ("indicator=HO_NGHEO&rollup=maybe", HttpStatusCode.BadRequest, ""),
        };
        foreach (var (query, status, says) in cases)
        {
            var response = await admin.GetAsync($"/api/dashboards/query?{query}");
            Assert.True(status == response.StatusCode, $"{query}: {response.StatusCode}");
            Assert.Contains(says, await response.Content.ReadAsStringAsync());
        }
        // No units given: the caller's own unit (the province office's administrator: their unit), twelve months to last month.
        var defaults = await admin.GetFromJsonAsync<JsonElement>("/api/dashboards/query?indicator=THU_NSNN");
        Assert.Equal(12, defaults.GetProperty("series")[0].GetProperty("points").GetArrayLength());
        Assert.Equal("202610", defaults.GetProperty("series")[0].GetProperty("points")[11].GetProperty("period").GetString());
    }
}
