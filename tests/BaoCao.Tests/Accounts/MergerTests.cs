using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Dashboards;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Accounts;

/// <summary>Mergers that hold: a merged unit takes nothing after its last day, no unit merges into a closed one, a merger
/// can be undone (audited), the roll-ups follow by themselves, and a successor can report with its predecessors.</summary>
public sealed class MergerTests
{
    private static async Task<string> MessagesAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync();
        return string.Join(" ", new[] { problem.Detail ?? "" }.Concat(problem.Errors?.Values.SelectMany(m => m) ?? []));
    }

    private static async Task<decimal?> RolledAsync(HttpClient client, string unit, string period)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/dashboards/query?indicator=HO_NGHEO&units={unit}&from={period}&to={period}&rollup=true");
        var value = answer.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_merged_unit_takes_no_value_submission_or_report_for_a_period_after_its_last_day(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");
        // Downloaded before the merger, uploaded after it.
        var workbook = Forms.WorkbookTests.Edit(await officer.GetByteArrayAsync("/api/forms/excel?formCode=BM-TC-THANG&unitCode=STC&period=202612"), ("E6", 1500m));
        // Finance joins Home Affairs after 30/11/2026: November is still its own, December is Home Affairs'.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/STC/merge", new { successorCode = "SNV", lastDay = "2026-11-30" })).StatusCode);

        var december = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202612", values = new[] { new { indicator = "THU_NSNN", value = 5 } } });
        var november = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202611", values = new[] { new { indicator = "THU_NSNN", value = 7 } } });
        var imported = await (await officer.PostAsJsonAsync("/api/exchange/dataValueSets", new
        {
            dataSet = "BM-TC-THANG", orgUnit = "STC", period = "202612", dataValues = new[] { new { dataElement = "THU_NSNN", value = "9" } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "bieu.xlsx" } };
        var uploaded = await officer.PostAsync("/api/forms/excel", upload);
        var submitted = await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202612/submit", null);
        var report = await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202612" });
        var stored = await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-TC-THANG&unitCode=STC&period=202612");

        foreach (var refused in new[] { december, uploaded, submitted, report })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var says = await MessagesAsync(refused);
            Assert.Contains("đã sáp nhập vào Sở Nội vụ (SNV)", says);
            Assert.Contains("30/11/2026", says);
        }
        Assert.Equal(HttpStatusCode.OK, november.StatusCode);
        Assert.Equal("ERROR", imported.GetProperty("status").GetString());
        Assert.Contains("SNV", imported.GetProperty("conflicts")[0].GetProperty("value").GetString());
        Assert.DoesNotContain(stored.GetProperty("values").EnumerateArray(), v => v.GetProperty("number").ValueKind != JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/workflow/reports/BC-KTXH-THANG/STC/202612")).StatusCode);

        // Merged in the middle of October, Industry and Trade still reports October — though it is no longer a reporting
        // unit today — and nothing after it.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/SCT/merge", new { successorCode = "SNV", lastDay = "2026-10-15" })).StatusCode);
        var trade = await app.SignedInAsAsync("canbo.sct");
        var october = await trade.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "SCT", period = "202610" });
        var afterMerger = await trade.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "SCT", period = "202611" });
        Assert.True(october.StatusCode == HttpStatusCode.OK, await october.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, afterMerger.StatusCode);
        Assert.Contains("đã sáp nhập vào Sở Nội vụ (SNV)", await MessagesAsync(afterMerger));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_merge_into_a_closed_unit_itself_or_a_sub_unit_and_only_administrators_of_both_merge_or_the_province_undoes(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var unitAdmin = await UnitAdministratorTests.UnitAdministratorAsync(app);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge", new { successorCode = "P-HOALU", lastDay = "2026-06-30" })).StatusCode);

        var intoClosed = await admin.PostAsJsonAsync("/api/units/P-NAMDINH/merge", new { successorCode = "P-TAMDIEP", lastDay = "2026-11-30" });
        var intoItself = await admin.PostAsJsonAsync("/api/units/STC/merge", new { successorCode = "STC", lastDay = "2026-11-30" });
        var intoSubUnit = await admin.PostAsJsonAsync("/api/units/STC/merge", new { successorCode = "STC-NS", lastDay = "2026-11-30" });
        var byOtherUnitsAdmin = await unitAdmin.PostAsJsonAsync("/api/units/P-NAMDINH/merge", new { successorCode = "P-HOALU", lastDay = "2026-11-30" });
        var undoByOtherUnitsAdmin = await unitAdmin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge/undo", new { reason = "Nhầm" });
        // Within their own unit too: undoing a merger is the province's decision.
        Assert.Equal(HttpStatusCode.NoContent, (await unitAdmin.PostAsJsonAsync("/api/units/SCT-QLCN/merge", new { successorCode = "SCT-QLTM", lastDay = "2026-11-30" })).StatusCode);
        var undoInOwnUnit = await unitAdmin.PostAsJsonAsync("/api/units/SCT-QLCN/merge/undo", new { reason = "Nhầm" });

        Assert.Equal(HttpStatusCode.BadRequest, intoClosed.StatusCode);
        Assert.Contains("đã ngừng hoạt động", await MessagesAsync(intoClosed));
        Assert.Equal(HttpStatusCode.BadRequest, intoItself.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, intoSubUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherUnitsAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, undoByOtherUnitsAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, undoInOwnUnit.StatusCode);
        foreach (var unit in new[] { "P-NAMDINH", "STC" })
            Assert.Equal(JsonValueKind.Null, (await admin.GetFromJsonAsync<JsonElement>($"/api/units/{unit}")).GetProperty("validTo").ValueKind);
        Assert.Equal("2026-06-30", (await admin.GetFromJsonAsync<JsonElement>("/api/units/P-TAMDIEP")).GetProperty("validTo").GetString());
        Assert.Equal("2026-11-30", (await admin.GetFromJsonAsync<JsonElement>("/api/units/SCT-QLCN")).GetProperty("validTo").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_merger_is_undone_with_a_reason_audited_and_the_roll_ups_follow_both_ways_without_a_rebuild(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, new Dictionary<string, string?> { ["Dashboards:Projection:Enabled"] = "false" });
        var admin = await app.SignedInAsAsync("admin");
        await ApprovedFeed.AppendAsync(app, ("P-HOALU", "HO_NGHEO", "202605", 100), ("P-TAMDIEP", "HO_NGHEO", "202605", 50), ("P-NAMDINH", "HO_NGHEO", "202605", 30));
        Assert.Equal(100m, await RolledAsync(admin, "P-HOALU", "202605"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge", new { successorCode = "P-HOALU", lastDay = "2026-06-30" })).StatusCode);
        await Eventually.TrueAsync(async () => await RolledAsync(admin, "P-HOALU", "202605") == 150m, "Hoa Lư's roll-up takes in Tam Điệp's May");
        var noReason = await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge/undo", new { reason = "" });
        var undone = await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge/undo", new { reason = "Nhập nhầm đơn vị kế thừa" });
        var again = await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge/undo", new { reason = "Lần nữa" });
        var unknown = await admin.PostAsJsonAsync("/api/units/KHONG-CO/merge/undo", new { reason = "Thử" });
        await Eventually.TrueAsync(async () => await RolledAsync(admin, "P-HOALU", "202605") == 100m, "Hoa Lư's roll-up is its own again");
        await Eventually.TrueAsync(async () => (await admin.GetFromJsonAsync<JsonElement[]>("/api/workflow/audit?subject=UNIT/P-TAMDIEP"))!.Length == 2, "both audited");
        var trail = (await admin.GetFromJsonAsync<JsonElement[]>("/api/workflow/audit?subject=UNIT/P-TAMDIEP"))!;
        var unit = await admin.GetFromJsonAsync<JsonElement>("/api/units/P-TAMDIEP");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lý do", await MessagesAsync(noReason));
        Assert.Equal(HttpStatusCode.NoContent, undone.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode); // the access check answers for a unit that does not exist; never a 500
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("validTo").ValueKind);
        Assert.Equal("UBND-NB", unit.GetProperty("parent").GetProperty("code").GetString());
        Assert.Equal(180m, await RolledAsync(admin, "UBND-NB", "202605"));
        Assert.Equal(["unit.merge.undo", "unit.merge"], trail.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(trail, e => Assert.Equal("admin", e.GetProperty("by").GetString()));
        Assert.Contains("Nhập nhầm đơn vị kế thừa", trail[0].GetProperty("after").GetString());
        Assert.Contains("P-HOALU", trail[1].GetProperty("after").GetString());
        // Valid again: it takes December's data (a merged unit would not).
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/P-TAMDIEP/merge", new { successorCode = "P-HOALU", lastDay = "2026-11-30" })).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_successors_consolidated_report_adds_its_predecessors_figures_from_before_the_merger(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-PHONG-STC", name = "Báo cáo của các phòng Sở Tài chính", content = "Thu ngân sách.", kind = "Periodic", frequency = "Month",
            reportingUnits = new[] { "STC-NS", "STC-DT" }, receivingUnit = "STC", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo",
            outline = new[] { new { title = "I. Đánh giá" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/forms", new
        {
            code = "BM-PHONG", name = "Biểu thu của phòng", regimeCode = "BC-PHONG-STC", ownerUnit = "VP-UBND",
            layout = new { sections = new[] { new { title = "Phần I", rows = new[] { new { indicator = "THU_NSNN", required = false } } } }, columns = new[] { "current", "ytd" } },
        })).StatusCode);
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-PHONG")).GetProperty("concurrencyVersion").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-PHONG/publish", new { effectiveFrom = "2026-01-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-PHONG/assignments", new { units = new[] { "STC-NS", "STC-DT" }, from = "2026-01-01" })).StatusCode);
        foreach (var unit in new[] { "STC-NS", "STC-DT" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/accounts/canbo.stc/grants", new { role = "DataEntry", unitCode = unit })).StatusCode);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        async Task ApproveAsync(string unit, string period, decimal value)
        {
            var saved = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-PHONG", unitCode = unit, period, values = new[] { new { indicator = "THU_NSNN", value } } });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/workflow/submissions/BM-PHONG/{unit}/{period}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"/api/workflow/submissions/BM-PHONG/{unit}/{period}/approve", null)).StatusCode);
        }
        await ApproveAsync("STC-NS", "202601", 100);
        await ApproveAsync("STC-DT", "202601", 30);
        await ApproveAsync("STC-NS", "202602", 50);
        await ApproveAsync("STC-DT", "202602", 70);
        await ApproveAsync("STC-NS", "202603", 200);
        // The investment office joins the budget office after February.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/units/STC-DT/merge", new { successorCode = "STC-NS", lastDay = "2026-02-28" })).StatusCode);

        async Task<JsonElement> StartAsync(string period, string source)
        {
            var started = await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-PHONG-STC", unitCode = "STC-NS", period, source });
            Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
            return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tables")[0];
        }
        static (decimal? Current, decimal? YearToDate) Row(JsonElement table)
        {
            var values = table.GetProperty("rows")[0].GetProperty("values");
            decimal? At(int i) => values[i].ValueKind == JsonValueKind.Null ? null : values[i].GetDecimal();
            return (At(0), At(1));
        }
        var february = await StartAsync("202602", "Consolidated");
        var march = await StartAsync("202603", "Consolidated");
        var own = await StartAsync("202601", "Own");

        Assert.Equal((120m, 250m), Row(february));   // 50 + 70; January 100 + 30 and February 120
        Assert.Equal((200m, 450m), Row(march));      // the budget office alone in March; the year so far carries the investment office's
        Assert.Equal((100m, 100m), Row(own));
        Assert.Contains("Phòng Đầu tư", february.GetProperty("notes")[0].GetString());
        Assert.Contains("28/02/2026", february.GetProperty("notes")[0].GetString());
    }
}
