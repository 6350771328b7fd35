using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Accounts;

public sealed class GrantTests
{
    private static async Task<bool> MayAsync(HttpClient client, string permission, string unitCode, string? formCode = null)
    {
        var url = $"/api/me/access?permission={permission}&unitCode={unitCode}" + (formCode is null ? "" : $"&formCode={formCode}");
        return (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("allowed").GetBoolean();
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_data_entry_grant_can_name_its_forms_and_a_withdrawn_grant_ends_the_sessions_at_once(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var granted = await admin.PostAsJsonAsync("/api/accounts/canbo.snv/grants", new { role = "DataEntry", unitCode = "SNV-TCBM", forms = new[] { "BM-01" } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var officer = await app.SignedInAsAsync("canbo.snv");

        Assert.True(await MayAsync(officer, "data.enter", "SNV-TCBM", "BM-01"));
        Assert.False(await MayAsync(officer, "data.enter", "SNV-TCBM", "BM-02"));
        Assert.True(await MayAsync(officer, "data.enter", "SNV", "BM-02")); // the demo grant on SNV names no forms: all of them

        var grants = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts/canbo.snv/grants");
        var limited = grants!.Single(g => g.GetProperty("unitCode").GetString() == "SNV-TCBM");
        Assert.Equal(["BM-01"], limited.GetProperty("forms").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/accounts/canbo.snv/grants/{limited.GetProperty("id").GetGuid()}")).StatusCode);
        // A withdrawn grant ends the account's sessions at once; signed in again, the officer has it no more.
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/me")).StatusCode);
        officer = await app.SignedInAsAsync("canbo.snv");
        Assert.False(await MayAsync(officer, "data.enter", "SNV-TCBM", "BM-01"));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_leader_delegates_approval_of_a_form_until_a_date(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var officer = await app.SignedInAsAsync("canbo.stc");
        Assert.False(await MayAsync(officer, "data.approve", "STC", "BM-01"));

        var delegated = await leader.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = "STC", toUserName = "canbo.stc", forms = new[] { "BM-01" }, until = "2026-12-04" });
        Assert.Equal(HttpStatusCode.OK, delegated.StatusCode);

        Assert.True(await MayAsync(officer, "data.approve", "STC", "BM-01"));
        Assert.False(await MayAsync(officer, "data.approve", "STC", "BM-02"));
        Assert.False(await MayAsync(officer, "data.approve", "SNV", "BM-01"));
        var received = await officer.GetFromJsonAsync<List<JsonElement>>("/api/accounts/delegations");
        Assert.Equal("lanhdao.stc", received!.Single().GetProperty("from").GetString());

        app.Clock.Advance(TimeSpan.FromDays(8)); // past 4 December
        officer = await app.SignedInAsAsync("canbo.stc");
        Assert.False(await MayAsync(officer, "data.approve", "STC", "BM-01"));
    }

    [Fact]
    public async Task Delegation_goes_only_to_the_units_own_officers_and_only_from_those_who_approve()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var officer = await app.SignedInAsAsync("canbo.stc");

        var toForeignOfficer = await leader.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = "STC", toUserName = "canbo.snv", forms = new[] { "BM-01" }, until = "2026-12-04" });
        var byOfficer = await officer.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = "STC", toUserName = "canbo.stc", forms = new[] { "BM-01" }, until = "2026-12-04" });
        var inThePast = await leader.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = "STC", toUserName = "canbo.stc", forms = new[] { "BM-01" }, until = "2026-11-01" });

        Assert.Equal(HttpStatusCode.BadRequest, toForeignOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(["Ngày hết hạn ủy quyền không được ở quá khứ."], (await inThePast.ReadProblemAsync()).Errors!["until"]);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Other_modules_see_the_unit_tree_through_the_contracts(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        var units = await app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new ListAllUnits()).AsTask());
        var stc = await app.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new FindUnit("STC")).AsTask());

        Assert.Equal("UBND-NB", stc!.ParentCode);
        Assert.Equal("stc@ninhbinh.gov.vn", stc.OfficialEmail);
        Assert.Contains(units, u => u.Code == "UBND-HNAM" && u.SuccessorCode == "UBND-NB" && u.ValidTo == new DateOnly(2025, 6, 30));
        Assert.Equal("UBND-NB", units[0].Code); // ordered by tree path: the root comes first
    }
}
