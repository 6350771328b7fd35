using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BaoCao.Indicators.Contracts;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BaoCao.Tests.Indicators;

public sealed class CatalogueTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_demo_catalogue_is_searchable_without_diacritics_and_by_group_with_its_sub_groups(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.syt");

        var all = await officer.GetFromJsonAsync<JsonElement[]>("/api/indicators");
        var plain = await officer.GetFromJsonAsync<JsonElement[]>("/api/indicators?search=tang%20truong%20grdp");
        var accented = await officer.GetFromJsonAsync<JsonElement[]>("/api/indicators?search=" + Uri.EscapeDataString("TĂNG TRƯỞNG GRDP"));
        var economy = await officer.GetFromJsonAsync<JsonElement[]>("/api/indicators?group=KT");
        var budget = await officer.GetFromJsonAsync<JsonElement[]>("/api/indicators?group=KT.NS");
        var grdp = await officer.GetFromJsonAsync<JsonElement>("/api/indicators/grdp_hh");
        var population = await officer.GetFromJsonAsync<JsonElement>("/api/indicators/DAN_SO_TB");

        Assert.InRange(all!.Length, 80, 150);
        Assert.InRange(all.Count(i => i.GetProperty("computed").GetBoolean()), 20, 60);
        Assert.Equal(["GRDP_TT"], plain!.Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(["GRDP_TT"], accented!.Select(i => i.GetProperty("code").GetString()));
        Assert.Contains(budget!, i => i.GetProperty("code").GetString() == "THU_NSNN");
        Assert.True(budget!.All(b => economy!.Any(e => e.GetProperty("code").GetString() == b.GetProperty("code").GetString())), "a sector lists its fields' indicators");
        Assert.DoesNotContain(economy!, i => i.GetProperty("code").GetString() == "TL_HO_NGHEO");
        Assert.Contains("GRDP_BQ", grdp.GetProperty("usedBy").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("tỷ đồng", grdp.GetProperty("unitOfMeasureName").GetString());
        Assert.Equal(["NAM.TT", "NAM.NT", "NU.TT", "NU.NT"], population.GetProperty("combinations").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/indicators/KHONG_CO")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_formula_is_checked_on_save_for_unknown_codes_types_and_cycles(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");

        var check = await admin.PostAsJsonAsync("/api/indicators/formula/validate", new { formula = "[GRDP_HH] / [KHONG_CO] + ([DAN_SO_TB] > 1)" });
        var body = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal(["GRDP_HH", "KHONG_CO", "DAN_SO_TB"], body.GetProperty("dependencies").EnumerateArray().Select(d => d.GetString()));
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("[KHONG_CO]") && e.GetProperty("position").GetInt32() == 12);
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("cần số"));
        var good = await (await admin.PostAsJsonAsync("/api/indicators/formula/validate", new { formula = "[THU_NSNN] / [THU_NSNN@lastyear] * 100" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.Empty(good.GetProperty("errors").EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/indicators", Computed("CHI_SO_A", "[GRDP_HH] + 1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/indicators", Computed("CHI_SO_B", "[CHI_SO_A] * 2"))).StatusCode);
        var unknown = await admin.PostAsJsonAsync("/api/indicators", Computed("CHI_SO_C", "[CHI_SO_A] + [KHONG_CO]"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("formula", (await unknown.ReadProblemAsync()).Errors!.Keys);

        var a = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/CHI_SO_A");
        var cycle = await admin.PutAsJsonAsync("/api/indicators/CHI_SO_A", Computed("CHI_SO_A", "[CHI_SO_B] + 1") with { Version = a.GetProperty("concurrencyVersion").GetInt64() });
        var cycleProblem = await cycle.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("CHI_SO_A → CHI_SO_B → CHI_SO_A", cycleProblem.Detail);
        var cycleCheck = await (await admin.PostAsJsonAsync("/api/indicators/formula/validate", new { formula = "[CHI_SO_B] + 1", code = "CHI_SO_A" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(cycleCheck.GetProperty("valid").GetBoolean());

        // Last period's own value is a running total, not a loop.
        var running = await admin.PutAsJsonAsync("/api/indicators/CHI_SO_A", Computed("CHI_SO_A", "coalesce([CHI_SO_A@prev], 0) + [GRDP_HH]") with { Version = a.GetProperty("concurrencyVersion").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        Assert.Equal("coalesce([CHI_SO_A@prev], 0) + [GRDP_HH]", (await admin.GetFromJsonAsync<JsonElement>("/api/indicators/CHI_SO_A")).GetProperty("formula").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Amending_an_indicator_in_use_starts_a_new_version_and_earlier_days_keep_the_old_one(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/KHACH_DL");
        var seen = before.GetProperty("concurrencyVersion").GetInt64();
        var amended = Body(before) with { Name = "Tổng lượt khách du lịch (kể cả khách tham quan trong ngày)", ValidFrom = "2027-01-01", ChangeNote = "Theo hướng dẫn mới", Version = seen };

        var tooEarly = await admin.PutAsJsonAsync("/api/indicators/KHACH_DL", amended with { ValidFrom = "2023-12-31" });
        var saved = await admin.PutAsJsonAsync("/api/indicators/KHACH_DL", amended);
        var stale = await admin.PutAsJsonAsync("/api/indicators/KHACH_DL", amended with { Name = "Ghi đè", ValidFrom = "2027-06-01" });
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/KHACH_DL");
        IReadOnlyList<IndicatorInfo> AsOf(DateOnly day) =>
            app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new GetIndicators(["KHACH_DL"], day)).AsTask()).GetAwaiter().GetResult();

        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        var history = after.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("2026-12-31", history[1].GetProperty("validTo").GetString());
        Assert.Contains(history[0].GetProperty("changes").EnumerateArray(), c => c.GetString()!.StartsWith("Tên:"));
        Assert.Equal((1, "Tổng lượt khách du lịch"), (AsOf(new DateOnly(2026, 6, 1))[0].Version, AsOf(new DateOnly(2026, 6, 1))[0].Name));
        Assert.Equal(2, AsOf(new DateOnly(2027, 2, 1))[0].Version);
        Assert.Equal(["NGUON_KHACH"], after.GetProperty("disaggregations").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Retiring_is_refused_while_a_computed_indicator_uses_it_and_a_retired_indicator_is_frozen()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        long Seen(string code) => admin.GetFromJsonAsync<JsonElement>($"/api/indicators/{code}").GetAwaiter().GetResult().GetProperty("concurrencyVersion").GetInt64();

        var refused = await admin.PostAsJsonAsync("/api/indicators/GRDP_SS/retire", new { lastDay = "2026-12-31", version = Seen("GRDP_SS") });
        var problem = await refused.ReadProblemAsync();
        var retiredUser = await admin.PostAsJsonAsync("/api/indicators/GRDP_TT/retire", new { lastDay = "2026-12-31", version = Seen("GRDP_TT") });
        var amendRetired = await admin.PutAsJsonAsync("/api/indicators/GRDP_TT",
            Body(await admin.GetFromJsonAsync<JsonElement>("/api/indicators/GRDP_TT")) with { Name = "Sửa", ValidFrom = "2027-01-01", Version = Seen("GRDP_TT") });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("GRDP_TT", problem.Detail);
        Assert.Equal(HttpStatusCode.OK, retiredUser.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, amendRetired.StatusCode);
        // With its only user retired, the input may go too; a formula may no longer name it.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/indicators/GRDP_SS/retire", new { lastDay = "2026-12-31", version = Seen("GRDP_SS") })).StatusCode);
        var check = await (await admin.PostAsJsonAsync("/api/indicators/formula/validate", new { formula = "[GRDP_SS] * 2" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("ngừng sử dụng", check.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Only_administrators_of_the_owner_unit_change_the_catalogue()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/indicators", Computed("CHI_SO_X", "[GRDP_HH]"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/indicators/units-of-measure", new { code = "THUNG", name = "thùng" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/indicators/lists")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_import_with_bad_rows_writes_nothing_unless_the_valid_rows_are_accepted(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var before = (await admin.GetFromJsonAsync<JsonElement[]>("/api/indicators"))!.Length;
        var file = JsonSerializer.Serialize(new
        {
            disaggregations = new[] { new { code = "NHOM_TUOI", name = "Nhóm tuổi", options = new[] { new { code = "DUOI15", name = "Dưới 15" }, new { code = "TU15", name = "Từ 15 trở lên" } } } },
            indicators = new object[]
            {
                Row("TY_LE_MOI", "Tỷ lệ mới", "PHAN_TRAM", "[SO_MOI] / [GRDP_HH] * 100", "Percent"), // refers to the next row
                Row("SO_MOI", "Số mới", "NGUOI", null, "Integer", ["NHOM_TUOI"]),
                Row("SAI_DON_VI", "Sai đơn vị tính", "THUNG", null, "Integer"),
                Row("PHU_THUOC_SAI", "Dựa trên dòng sai", "NGUOI", "[SAI_DON_VI] * 2", "Integer"),
                Row("SAI_CONG_THUC", "Sai công thức", "NGUOI", "[SO_MOI] +", "Integer"),
            },
        });

        var rejected = await Import(admin, file, "");
        var report = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        var afterRejected = (await admin.GetFromJsonAsync<JsonElement[]>("/api/indicators"))!.Length;
        var accepted = await (await Import(admin, file, "?acceptValidRows=true")).Content.ReadFromJsonAsync<JsonElement>();
        var newRate = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/TY_LE_MOI");
        var lists = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/lists");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.False(report.GetProperty("written").GetBoolean());
        Assert.Equal(before, afterRejected);
        var errors = report.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!, e => e);
        Assert.Equal(["PHU_THUOC_SAI", "SAI_CONG_THUC", "SAI_DON_VI"], errors.Keys.Order());
        Assert.Equal(3, errors["SAI_DON_VI"].GetProperty("row").GetInt32());
        Assert.Contains("THUNG", errors["SAI_DON_VI"].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Contains("dòng 3", errors["PHU_THUOC_SAI"].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.True(accepted.GetProperty("written").GetBoolean());
        Assert.Equal(2, accepted.GetProperty("created").GetInt32());
        Assert.Equal(before + 2, (await admin.GetFromJsonAsync<JsonElement[]>("/api/indicators"))!.Length);
        Assert.Equal(["SO_MOI", "GRDP_HH"], newRate.GetProperty("dependencies").EnumerateArray().Select(d => d.GetString()).OrderByDescending(c => c));
        Assert.Contains(lists.GetProperty("categories").EnumerateArray(), c => c.GetProperty("code").GetString() == "NHOM_TUOI");
    }

    [Fact]
    public async Task The_exported_workbook_imports_back_unchanged_and_a_hand_made_sheet_with_Vietnamese_labels_imports()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var count = (await admin.GetFromJsonAsync<JsonElement[]>("/api/indicators"))!.Length;

        var exported = await admin.GetAsync("/api/indicators/export?format=xlsx");
        var workbook = await exported.Content.ReadAsByteArrayAsync();
        var roundTrip = await (await Import(admin, workbook, "danh-muc.xlsx", "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();
        var json = await admin.GetAsync("/api/indicators/export?format=json");
        var jsonRoundTrip = await (await Import(admin, await json.Content.ReadAsStringAsync(), "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal((count, 0, 0, true), (roundTrip.GetProperty("unchanged").GetInt32(), roundTrip.GetProperty("created").GetInt32(), roundTrip.GetProperty("updated").GetInt32(), roundTrip.GetProperty("valid").GetBoolean()));
        Assert.Equal(count, jsonRoundTrip.GetProperty("unchanged").GetInt32());
        using (var sheet = new MemoryStream(workbook))
            Assert.Equal(count, sheet.Query(useHeaderRow: true, sheetName: "Chỉ số").Count());

        using var handMade = new MemoryStream();
        handMade.SaveAs(new[]
        {
            new Dictionary<string, object>
            {
                ["Mã"] = "SO_CHO_DEM", ["Tên chỉ số"] = "Số cơ sở lưu trú có chỗ đêm", ["Đơn vị tính"] = "CAI", ["Kiểu giá trị"] = "Số nguyên",
                ["Tổng hợp theo đơn vị"] = "Cộng", ["Tổng hợp theo thời gian"] = "Giá trị cuối kỳ", ["Đơn vị chủ trì"] = "SDL", ["Nhóm"] = "KT.DL",
                ["Trạng thái"] = "Đang sử dụng", ["Hiệu lực từ"] = "01/01/2026",
            },
        }, sheetName: "Chỉ số", excelType: ExcelType.XLSX);
        var created = await Import(admin, handMade.ToArray(), "tu-lam.xlsx", "");
        var indicator = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/SO_CHO_DEM");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(("Integer", "LastValue", "Active", "2026-01-01"), (indicator.GetProperty("valueType").GetString(), indicator.GetProperty("aggregationOverTime").GetString(),
            indicator.GetProperty("status").GetString(), indicator.GetProperty("validFrom").GetString()));
        var notAWorkbook = await Import(admin, Encoding.UTF8.GetBytes("không phải excel"), "gia.xlsx", "");
        Assert.Equal(HttpStatusCode.BadRequest, notAWorkbook.StatusCode);
        Assert.Contains("Không đọc được tệp", (await notAWorkbook.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task Data_checks_and_outlier_hints_are_answered_in_Vietnamese()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");

        var violations = await officer.PostAsJsonAsync("/api/indicators/validation-rules/check",
            new { values = new Dictionary<string, decimal?> { ["THU_NOI_DIA"] = 1200, ["THU_NSNN"] = 1000, ["HO_NGHEO"] = 5 } });
        var list = await violations.Content.ReadFromJsonAsync<JsonElement[]>();
        var outlier = await (await officer.PostAsJsonAsync("/api/indicators/outliers/check", new { value = 9500, history = new[] { 980, 1010, 1005, 990, 1020, 1000 } })).Content.ReadFromJsonAsync<JsonElement>();
        var plausible = await (await officer.PostAsJsonAsync("/api/indicators/outliers/check", new { value = 1030, history = new[] { 980, 1010, 1005, 990, 1020, 1000 } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["KT_THU_ND"], list!.Select(v => v.GetProperty("ruleCode").GetString())); // HO_DAN missing: the poverty rule does not apply
        Assert.Equal("High", list![0].GetProperty("importance").GetString());
        Assert.True(outlier.GetProperty("outlier").GetBoolean());
        Assert.Contains("cao bất thường", outlier.GetProperty("message").GetString());
        Assert.False(plausible.GetProperty("outlier").GetBoolean());
    }

    private static async Task<HttpResponseMessage> Import(HttpClient client, string json, string query) =>
        await Import(client, Encoding.UTF8.GetBytes(json), "danh-muc.json", query);

    private static async Task<HttpResponseMessage> Import(HttpClient client, byte[] content, string fileName, string query)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return await client.PostAsync("/api/indicators/import" + query, form);
    }

    private static object Row(string code, string name, string unit, string? formula, string valueType, string[]? disaggregations = null) => new
    {
        code, name, unitOfMeasure = unit, valueType, ownerUnit = "STC", groups = new[] { "KT.TK" }, disaggregations = disaggregations ?? [],
        formula, status = "Active", validFrom = "2026-01-01", aggregationAcrossUnits = formula is null ? "Sum" : "None", aggregationOverTime = formula is null ? "Sum" : "None",
    };

    private static IndicatorBody Computed(string code, string formula) =>
        new(code, $"Chỉ số thử {code}", null, "TY_DONG", "Decimal", 2, "None", "None", "STC", ["KT.TK"], [], formula, null, null, null, null);

    private static IndicatorBody Body(JsonElement indicator) => new(
        indicator.GetProperty("code").GetString()!, indicator.GetProperty("name").GetString()!, indicator.GetProperty("shortName").GetString(),
        indicator.GetProperty("unitOfMeasure").GetString()!, indicator.GetProperty("valueType").GetString()!, indicator.GetProperty("precision").GetInt32(),
        indicator.GetProperty("aggregationAcrossUnits").GetString()!, indicator.GetProperty("aggregationOverTime").GetString()!, indicator.GetProperty("ownerUnit").GetString()!,
        [.. indicator.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)], [.. indicator.GetProperty("disaggregations").EnumerateArray().Select(g => g.GetString()!)],
        indicator.GetProperty("formula").GetString(), null, null, null, null);

    private sealed record IndicatorBody(string Code, string Name, string? ShortName, string UnitOfMeasure, string ValueType, int Precision,
        string AggregationAcrossUnits, string AggregationOverTime, string OwnerUnit, string[] Groups, string[] Disaggregations, string? Formula,
        string? Status, string? ValidFrom, string? ChangeNote, long? Version);
}
