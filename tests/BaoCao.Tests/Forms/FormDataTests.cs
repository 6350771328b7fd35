using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Forms;

public sealed class FormDataTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_demo_regimes_and_forms_are_listed_within_each_users_scope(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");

        var regimes = await officer.GetFromJsonAsync<JsonElement[]>("/api/regimes");
        var monthly = await officer.GetFromJsonAsync<JsonElement>("/api/regimes/BC-KTXH-THANG");
        var officerForms = await officer.GetFromJsonAsync<JsonElement[]>("/api/forms");
        var adminForms = await admin.GetFromJsonAsync<JsonElement[]>("/api/forms");
        var tourism = await officer.GetFromJsonAsync<JsonElement>("/api/forms/BM-DL-THANG");
        var stored = await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-TC-THANG&unitCode=STC&period=202610");

        Assert.Equal(["BC-KTXH-THANG", "BC-XH-QUY"], regimes!.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(5, monthly.GetProperty("outline").GetArrayLength());
        Assert.Equal("Month", monthly.GetProperty("frequency").GetString());
        Assert.Equal(["BM-TC-THANG"], officerForms!.Select(f => f.GetProperty("code").GetString()));
        Assert.Equal(5, adminForms!.Length);
        var visitors = tourism.GetProperty("sections")[0].GetProperty("rows")[0];
        Assert.Equal("KHACH_DL", visitors.GetProperty("indicator").GetString());
        Assert.Equal(["", "QT", "ND"], visitors.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("disaggregation").GetString()));
        Assert.Equal(["current", "lastyear", "ytd", "pct_lastyear"], tourism.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(stored.GetProperty("values").EnumerateArray(), v => v.GetProperty("indicator").GetString() == "THU_NSNN");
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Each_bad_value_is_a_conflict_in_the_summary_and_the_good_ones_are_saved(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");

        var response = await officer.PostAsJsonAsync("/api/forms/data", new
        {
            formCode = "BM-TC-THANG", unitCode = "STC", period = "202611",
            values = new object[]
            {
                new { indicator = "THU_NSNN", value = 1600.5m },
                new { indicator = "THU_NOI_DIA", value = "1.380,2", comment = "Số ước tính" },
                new { indicator = "THU_XNK", value = "1.5" },
                new { indicator = "TT_THU_ND", value = 80 },
                new { indicator = "DN_MOI", value = 12.5m },
                new { indicator = "KHONG_CO", value = 1 },
                new { indicator = "THU_DAT", column = "plan", value = 300 },
                new { indicator = "CHI_TX", value = "mười" },
                new { indicator = "VON_DT", value = 1.25m },
            },
        });
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-TC-THANG&unitCode=STC&period=202611");
        var conflicts = summary.GetProperty("conflicts").EnumerateArray().ToDictionary(c => c.GetProperty("indicator").GetString()!, c => c.GetProperty("message").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 0, 7), (summary.GetProperty("imported").GetInt32(), summary.GetProperty("updated").GetInt32(), summary.GetProperty("ignored").GetInt32()));
        Assert.Contains("dấu phẩy", conflicts["THU_XNK"]);
        Assert.Contains("công thức", conflicts["TT_THU_ND"]);
        Assert.Contains("số nguyên", conflicts["DN_MOI"]);
        Assert.Contains("không có trong biểu mẫu", conflicts["KHONG_CO"]);
        Assert.Contains("không có cột", conflicts["THU_DAT"]);
        Assert.Contains("không phải số", conflicts["CHI_TX"]);
        Assert.Contains("1 chữ số thập phân", conflicts["VON_DT"]);
        var values = stored.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetString()!);
        Assert.Equal(1380.2m, values["THU_NOI_DIA"].GetProperty("number").GetDecimal());
        Assert.Equal("Số ước tính", values["THU_NOI_DIA"].GetProperty("comment").GetString());
        Assert.Equal(2, values.Count);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_replay_with_the_same_idempotency_key_returns_the_first_answer_and_writes_nothing(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.sct");
        var body = new { formCode = "BM-CT-THANG", unitCode = "SCT", period = "202611", values = new object[] { new { indicator = "KNXK", value = 470.25m }, new { indicator = "KNXK", column = "plan", value = 480 } } };
        HttpRequestMessage Post(object content, string key) => new(HttpMethod.Post, "/api/forms/data") { Content = JsonContent.Create(content), Headers = { { "Idempotency-Key", key } } };

        var first = await (await officer.SendAsync(Post(body, "lan-gui-1"))).Content.ReadFromJsonAsync<JsonElement>();
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-CT-THANG", unitCode = "SCT", period = "202611", values = new object[] { new { indicator = "KNXK", value = 471 } } });
        var replay = await (await officer.SendAsync(Post(body, "lan-gui-1"))).Content.ReadFromJsonAsync<JsonElement>();
        var reused = await officer.SendAsync(Post(new { body.formCode, body.unitCode, body.period, values = new object[] { new { indicator = "KNXK", value = 1 } } }, "lan-gui-1"));
        var stored = await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-CT-THANG&unitCode=SCT&period=202611");

        Assert.Equal(2, first.GetProperty("imported").GetInt32());
        Assert.Equal(first.GetRawText(), replay.GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(471m, stored.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("column").GetString() == "current").GetProperty("number").GetDecimal());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_people_saving_one_cell_never_overwrite_each_other_silently(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.sdl");
        var admin = await app.SignedInAsAsync("admin");
        Assert.True((await admin.PostAsJsonAsync("/api/accounts/canbo.snv/grants", new { role = "DataEntry", unitCode = "SDL" })).IsSuccessStatusCode);
        var colleague = await app.SignedInAsAsync("canbo.snv");
        async Task<JsonElement> Cell() => (await officer.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-DL-THANG&unitCode=SDL&period=202610"))
            .GetProperty("values").EnumerateArray().Single(v => v.GetProperty("indicator").GetString() == "DT_DU_LICH");
        var seen = (await Cell()).GetProperty("version").GetInt64();
        object Save(decimal value) => new { formCode = "BM-DL-THANG", unitCode = "SDL", period = "202610", values = new object[] { new { indicator = "DT_DU_LICH", value, version = seen } } };

        var mine = await (await officer.PostAsJsonAsync("/api/forms/data", Save(1000))).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = await (await colleague.PostAsJsonAsync("/api/forms/data", Save(1200))).Content.ReadFromJsonAsync<JsonElement>();
        var conflict = theirs.GetProperty("conflicts")[0];

        Assert.Equal(1, mine.GetProperty("updated").GetInt32());
        Assert.Equal(0, theirs.GetProperty("updated").GetInt32());
        Assert.Equal("1000", conflict.GetProperty("currentValue").GetString());
        Assert.Contains("canbo.sdl", conflict.GetProperty("message").GetString());
        Assert.Contains("1200", conflict.GetProperty("message").GetString());
        Assert.Equal(1000m, (await Cell()).GetProperty("number").GetDecimal());
    }

    [Fact]
    public async Task Requests_outside_the_units_scope_or_the_regime_are_refused_clearly()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        object Body(string form, string unit, string period) => new { formCode = form, unitCode = unit, period, values = new object[] { new { indicator = "THU_NSNN", value = 1 } } };

        var foreignUnit = await officer.PostAsJsonAsync("/api/forms/data", Body("BM-CT-THANG", "SCT", "202611"));
        var wrongPeriod = await officer.PostAsJsonAsync("/api/forms/data", Body("BM-TC-THANG", "STC", "2026Q3"));
        var notAssigned = await officer.PostAsJsonAsync("/api/forms/data", Body("BM-CT-THANG", "STC", "202611"));
        var foreignRead = await officer.GetAsync("/api/forms/data?formCode=BM-CT-THANG&unitCode=SCT&period=202610");
        var noForm = await officer.PostAsJsonAsync("/api/forms/data", Body("KHONG-CO", "STC", "202611"));

        Assert.Equal(HttpStatusCode.Forbidden, foreignUnit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPeriod.StatusCode);
        Assert.Contains("YYYYMM", (await wrongPeriod.ReadProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, notAssigned.StatusCode);
        Assert.Contains("không được giao", (await notAssigned.ReadProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.Forbidden, foreignRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noForm.StatusCode);
    }
}
