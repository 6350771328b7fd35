using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Accounts;

public sealed class UnitAdministrationTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_communes_merge_into_a_new_one_and_their_history_moves_under_it(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/units", new
        {
            parentCode = "UBND-NB", code = "X-GIAVIEN-MOI", name = "Xã Gia Viễn (mới)", kind = "CommunePeoplesCommittee", validFrom = "2026-12-01",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        foreach (var former in new[] { "X-GIAVIEN", "X-NHOQUAN" })
        {
            var merged = await admin.PostAsJsonAsync($"/api/units/{former}/merge", new { successorCode = "X-GIAVIEN-MOI", lastDay = "2026-11-30" });
            Assert.Equal(HttpStatusCode.NoContent, merged.StatusCode);
        }

        var successor = await admin.GetFromJsonAsync<JsonElement>("/api/units/X-GIAVIEN-MOI");
        Assert.Equal(["X-GIAVIEN", "X-NHOQUAN"], successor.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Order());
        var former1 = await admin.GetFromJsonAsync<JsonElement>("/api/units/X-GIAVIEN");
        Assert.Equal("2026-11-30", former1.GetProperty("validTo").GetString());
        var again = await admin.PostAsJsonAsync("/api/units/X-GIAVIEN/merge", new { successorCode = "X-GIAVIEN-MOI", lastDay = "2026-11-30" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_unit_cannot_move_into_its_own_subtree_and_a_move_carries_the_subtree()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");

        var cycle = await admin.PostAsJsonAsync("/api/units/STC/move", new { newParentCode = "STC-NS" });
        var moved = await admin.PostAsJsonAsync("/api/units/STC/move", new { newParentCode = "VP-UBND" });
        var leaderStillSeesSubUnit = await (await app.SignedInAsAsync("lanhdao.stc")).GetAsync("/api/units/STC-NS");

        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal("VP-UBND", (await admin.GetFromJsonAsync<JsonElement>("/api/units/STC")).GetProperty("parent").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, leaderStillSeesSubUnit.StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_administrators_editing_one_unit_never_overwrite_each_other(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var seen = (await admin.GetFromJsonAsync<JsonElement>("/api/units/SYT")).GetProperty("version").GetInt64();

        var first = await admin.PutAsJsonAsync("/api/units/SYT", new { name = "Sở Y tế tỉnh Ninh Bình", officialEmail = "syt@ninhbinh.gov.vn", version = seen });
        var second = await admin.PutAsJsonAsync("/api/units/SYT", new { name = "Sở Y tế", officialEmail = "soyte@ninhbinh.gov.vn", version = seen });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ReadProblemAsync();
        Assert.Contains("vừa được người khác thay đổi", problem.Detail);
        Assert.Equal("ConcurrentChange", problem.Code); // stable, for clients to branch on (ErrorCodes.ConcurrentChange)
        Assert.Equal("Sở Y tế tỉnh Ninh Bình", (await admin.GetFromJsonAsync<JsonElement>("/api/units/SYT")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Only_administrators_of_the_parent_add_units_and_bad_input_changes_nothing()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");

        var byLeader = await leader.PostAsJsonAsync("/api/units", new { parentCode = "STC", code = "STC-X", name = "Phòng X", kind = "SubDepartment", validFrom = "2026-12-01" });
        var badCode = await admin.PostAsJsonAsync("/api/units", new { parentCode = "STC", code = "phòng x", name = "", kind = "SubDepartment", validFrom = "2026-12-01" });
        var duplicate = await admin.PostAsJsonAsync("/api/units", new { parentCode = "STC", code = "SNV", name = "Trùng mã", kind = "SubDepartment", validFrom = "2026-12-01" });

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.True((await badCode.ReadProblemAsync()).Errors!.ContainsKey("code"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/units/STC-X")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Account_search_ignores_diacritics_and_case(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");

        var plain = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts?search=so tai chinh");
        var accented = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts?search=SỞ TÀI CHÍNH");
        var decomposed = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/accounts?search={Uri.EscapeDataString("Sở Tài chính".Normalize(System.Text.NormalizationForm.FormD))}");
        var dd = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts?search=dan toc");

        string[] expected = ["canbo.stc", "lanhdao.stc"];
        Assert.Equal(expected, plain!.Select(a => a.GetProperty("userName").GetString()));
        Assert.Equal(expected, accented!.Select(a => a.GetProperty("userName").GetString()));
        Assert.Equal(expected, decomposed!.Select(a => a.GetProperty("userName").GetString()));
        Assert.Equal(2, dd!.Count); // "Dân tộc" with đ/d folding
    }
}
