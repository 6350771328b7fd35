using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Forms;

public sealed class FormDesignTests
{
    private static object Layout(params string[] indicators) => new
    {
        sections = new[] { new { title = "Phần I", rows = indicators.Select(i => new { indicator = i, label = (string?)null, required = true }).ToArray() } },
        columns = new[] { "current", "lastyear", "pct_lastyear" },
    };

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_published_version_never_changes_a_change_is_a_new_version_and_entered_data_keeps_its_version(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");

        var bad = await admin.PostAsJsonAsync("/api/forms", new { code = "BM-THU", name = "Biểu thử", regimeCode = "BC-KTXH-THANG", ownerUnit = "VP-UBND",
            layout = new { sections = new[] { new { title = "Phần I", rows = new[] { new { indicator = "KHONG_CO", required = true }, new { indicator = "THU_NSNN", required = true }, new { indicator = "THU_NSNN", required = false } } } }, columns = new[] { "current", "pct_plan", "tuy_y" } } });
        var badProblem = await bad.ReadProblemAsync();
        var created = await admin.PostAsJsonAsync("/api/forms", new { code = "BM-THU", name = "Biểu thử", regimeCode = "BC-KTXH-THANG", ownerUnit = "VP-UBND", layout = Layout("THU_NSNN", "THU_NOI_DIA") });
        long Seen() => admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-THU").GetAwaiter().GetResult().GetProperty("concurrencyVersion").GetInt64();
        var published = await admin.PostAsJsonAsync("/api/forms/BM-THU/publish", new { effectiveFrom = "2026-01-01", version = Seen() });
        var assigned = await admin.PostAsJsonAsync("/api/forms/BM-THU/assignments", new { units = new[] { "STC" }, from = "2026-01-01" });
        var officer = await app.SignedInAsAsync("canbo.stc");
        var entered = await (await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-THU", unitCode = "STC", period = "202611", values = new[] { new { indicator = "THU_NSNN", value = 10 } } })).Content.ReadFromJsonAsync<JsonElement>();
        var draft = await admin.PutAsJsonAsync("/api/forms/BM-THU/draft", new { layout = Layout("THU_NSNN", "THU_NOI_DIA", "THU_DAT"), version = Seen() });
        var tooEarly = await admin.PostAsJsonAsync("/api/forms/BM-THU/publish", new { effectiveFrom = "2025-12-01", version = Seen() });
        var second = await admin.PostAsJsonAsync("/api/forms/BM-THU/publish", new { effectiveFrom = "2027-01-01", version = Seen() });
        var v1 = await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-THU?version=1");
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-THU");
        var november = await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-THU&unitCode=STC&period=202611");
        var nextYear = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-THU", unitCode = "STC", period = "202701", values = new[] { new { indicator = "THU_DAT", value = 5 } } });
        var retire = await admin.PostAsJsonAsync("/api/indicators/THU_DAT/retire", new { lastDay = "2027-12-31",
            version = (await admin.GetFromJsonAsync<JsonElement>("/api/indicators/THU_DAT")).GetProperty("concurrencyVersion").GetInt64() });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("[KHONG_CO]", badProblem.Detail);
        Assert.Contains("nhiều lần", badProblem.Detail);
        Assert.Contains("tuy_y", badProblem.Detail);
        Assert.Contains("kế hoạch (plan)", badProblem.Detail);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(1, entered.GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(("Superseded", 2), (v1.GetProperty("status").GetString(), v1.GetProperty("sections")[0].GetProperty("rows").GetArrayLength()));
        Assert.Equal((2, 3), (current.GetProperty("version").GetInt32(), current.GetProperty("sections")[0].GetProperty("rows").GetArrayLength()));
        Assert.Equal(1, november.GetProperty("formVersion").GetInt32());
        Assert.Equal(1, (await nextYear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, retire.StatusCode);
        Assert.Contains("BM-THU", (await retire.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task A_regime_states_every_element_Decree_09_asks_for_or_is_refused_field_by_field()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");

        var empty = await admin.PostAsJsonAsync("/api/regimes", new { code = "BC-TRONG", kind = "AdHoc" });
        var problem = await empty.ReadProblemAsync();
        var adHoc = await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-DOT-XUAT-01", name = "Báo cáo đột xuất tình hình thiệt hại do bão số 3", content = "Thiệt hại về người, nhà ở, nông nghiệp.", kind = "AdHoc",
            explicitDueDate = "2026-12-04", roundStart = "2026-11-20", roundEnd = "2026-11-30", reportingUnits = new[] { "X-HAIHAU", "X-GIAOTHUY" },
            receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo", outline = new[] { new { title = "I. Tình hình thiệt hại" } },
        });
        var detail = await admin.GetFromJsonAsync<JsonElement>("/api/regimes/BC-DOT-XUAT-01");
        var amended = await admin.PutAsJsonAsync("/api/regimes/BC-DOT-XUAT-01", new
        {
            name = "Báo cáo đột xuất tình hình thiệt hại do bão số 3 (bổ sung)", content = "Thiệt hại về người, nhà ở, nông nghiệp, hạ tầng.", kind = "AdHoc",
            explicitDueDate = "2026-12-07", roundStart = "2026-11-20", roundEnd = "2026-12-02", reportingUnits = new[] { "X-HAIHAU", "X-GIAOTHUY", "X-YYEN" },
            receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo", outline = new[] { new { title = "I. Tình hình thiệt hại" } },
            version = detail.GetProperty("version").GetInt64(),
        });
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        foreach (var field in new[] { "name", "content", "rounds", "reportingUnits", "receivingUnit", "sendingMethod", "outline" })
            Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(HttpStatusCode.Created, adHoc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/regimes/BC-DOT-XUAT-01");
        Assert.Equal((1, 3), (after.GetProperty("amendment").GetInt32(), after.GetProperty("reportingUnits").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/regimes", new { code = "BC-X", ownerUnit = "STC" })).StatusCode);
    }

    [Fact]
    public async Task A_thematic_regime_has_rounds_in_order_and_data_is_entered_only_for_one_of_them()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        object Regime(string kind, object[] rounds) => new
        {
            code = "BC-CHUYEN-DE-NTM", name = "Báo cáo chuyên đề xây dựng nông thôn mới", content = "Kết quả thực hiện tiêu chí nông thôn mới theo từng đợt.",
            kind, rounds, reportingUnits = new[] { "STC" }, receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo",
            outline = new[] { new { title = "I. Kết quả" } },
        };

        var adHocWithTwo = await admin.PostAsJsonAsync("/api/regimes", Regime("AdHoc", [new { start = "2026-01-01", end = "2026-06-30", dueDate = "2026-07-10" }, new { start = "2026-07-01", end = "2026-12-31", dueDate = "2027-01-10" }]));
        var dueBeforeStart = await admin.PostAsJsonAsync("/api/regimes", Regime("Thematic", [new { start = "2026-01-01", end = "2026-06-30", dueDate = "2026-07-10" }, new { start = "2026-07-01", end = "2026-12-31", dueDate = "2026-06-01" }]));
        var created = await admin.PostAsJsonAsync("/api/regimes", Regime("Thematic", [new { start = "2026-07-01", end = "2026-12-31", dueDate = "2027-01-10" }, new { start = "2026-01-01", end = "2026-06-30", dueDate = "2026-07-11" }]));
        var detail = await admin.GetFromJsonAsync<JsonElement>("/api/regimes/BC-CHUYEN-DE-NTM");
        await admin.PostAsJsonAsync("/api/forms", new { code = "BM-NTM", name = "Biểu nông thôn mới", regimeCode = "BC-CHUYEN-DE-NTM", ownerUnit = "VP-UBND", layout = new
        {
            sections = new[] { new { title = "Phần I", rows = new[] { new { indicator = "THU_NSNN", required = true } } } }, columns = new[] { "current" },
        } });
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-NTM")).GetProperty("concurrencyVersion").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-NTM/publish", new { effectiveFrom = "2026-01-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-NTM/assignments", new { units = new[] { "STC" }, from = "2026-01-01" })).StatusCode);
        var officer = await app.SignedInAsAsync("canbo.stc");
        object Values(string period) => new { formCode = "BM-NTM", unitCode = "STC", period, values = new[] { new { indicator = "THU_NSNN", value = 7 } } };
        var secondRound = await officer.PostAsJsonAsync("/api/forms/data", Values("20260701-20261231"));
        var notARound = await officer.PostAsJsonAsync("/api/forms/data", Values("20260101-20261231"));
        var data = await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-NTM&unitCode=STC&period=20260701-20261231");

        Assert.Equal(HttpStatusCode.BadRequest, adHocWithTwo.StatusCode);
        Assert.Contains("một đợt", (await adHocWithTwo.ReadProblemAsync()).Errors!["rounds"][0]);
        Assert.Contains("Đợt 2: ngày hạn gửi không thể trước", (await dueBeforeStart.ReadProblemAsync()).Errors!["rounds"][0]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["20260101-20260630", "20260701-20261231"], detail.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("period").GetString()!));
        Assert.Equal(HttpStatusCode.OK, secondRound.StatusCode);
        Assert.Equal(1, (await secondRound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, notARound.StatusCode);
        Assert.Contains("không phải đợt báo cáo", (await notARound.ReadProblemAsync()).Detail);
        Assert.Equal(7m, data.GetProperty("values")[0].GetProperty("number").GetDecimal());
    }

    [Fact]
    public async Task A_report_template_has_a_table_part_from_the_regimes_forms_and_the_narrative_outline()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");

        var initial = await admin.GetFromJsonAsync<JsonElement>("/api/regimes/BC-KTXH-THANG/template");
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/regimes/BC-KTXH-THANG")).GetProperty("version").GetInt64();
        var foreign = await admin.PutAsJsonAsync("/api/regimes/BC-KTXH-THANG/template", new
        {
            tables = new[] { new { title = "Chỉ tiêu chủ yếu", indicators = new[] { "THU_NSNN", "NGUOI_BHYT" }, columns = new[] { "current", "pct_lastyear" } } }, version,
        });
        var designed = await admin.PutAsJsonAsync("/api/regimes/BC-KTXH-THANG/template", new
        {
            tables = new[] { new { title = "Chỉ tiêu chủ yếu", indicators = new[] { "THU_NSNN", "KNXK", "KHACH_DL" }, columns = new[] { "current", "lastyear", "pct_lastyear" } } }, version,
        });
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/regimes/BC-KTXH-THANG/template");

        Assert.False(initial.GetProperty("designed").GetBoolean());
        Assert.Equal(4, initial.GetProperty("tables").GetArrayLength());
        Assert.Equal(5, initial.GetProperty("outline").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("NGUOI_BHYT", (await foreign.ReadProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.OK, designed.StatusCode);
        Assert.True(after.GetProperty("designed").GetBoolean());
        Assert.Equal(["THU_NSNN", "KNXK", "KHACH_DL"], after.GetProperty("tables")[0].GetProperty("indicators").EnumerateArray().Select(i => i.GetString()));
    }
}
