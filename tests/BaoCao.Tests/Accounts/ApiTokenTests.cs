using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Accounts;

public sealed class ApiTokenTests
{
    private static async Task<JsonElement> IssueAsync(HttpClient admin, string unitCode = "STC", string[]? permissions = null, string expiresAt = "2027-06-30T00:00:00+07:00")
    {
        var response = await admin.PostAsJsonAsync("/api/accounts/tokens", new { name = "Hệ thống báo cáo ngành Tài chính", unitCode, permissions = permissions ?? ["units.view"], expiresAt });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpClient System(BaoCaoApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_token_acts_for_its_unit_with_its_permissions_until_revoked(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var issued = await IssueAsync(admin);
        var token = issued.GetProperty("token").GetString()!;
        var system = System(app, token);

        Assert.StartsWith("bc_", token);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/units/STC-NS")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.GetAsync("/api/units/SNV")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/accounts")).StatusCode);
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts/tokens");
        Assert.DoesNotContain(token, listed!.Single().ToString());
        Assert.Equal(token[..10], listed!.Single().GetProperty("prefix").GetString());

        var revoked = await admin.PostAsync($"/api/accounts/tokens/{issued.GetProperty("id").GetGuid()}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await system.GetAsync("/api/units/STC");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.", (await refused.ReadProblemAsync()).Detail);

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/security-log?userName=token:{token[..10]}");
        Assert.Equal("TokenUsed", log.GetProperty("entries")[0].GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires_and_a_forged_one_never_works()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var token = (await IssueAsync(admin, expiresAt: "2026-12-01T00:00:00+07:00")).GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await System(app, token).GetAsync("/api/units/STC")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await System(app, token[..^2] + "xx").GetAsync("/api/units/STC")).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(HttpStatusCode.Unauthorized, (await System(app, token).GetAsync("/api/units/STC")).StatusCode);
    }

    [Fact]
    public async Task Tokens_never_carry_account_administration_and_only_administrators_issue_them()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        var tooMuch = await admin.PostAsJsonAsync("/api/accounts/tokens", new { name = "x", unitCode = "STC", permissions = new[] { "accounts.manage" }, expiresAt = "2027-01-01T00:00:00Z" });
        var tooLong = await admin.PostAsJsonAsync("/api/accounts/tokens", new { name = "x", unitCode = "STC", permissions = new[] { "units.view" }, expiresAt = "2030-01-01T00:00:00Z" });
        var byLeader = await leader.PostAsJsonAsync("/api/accounts/tokens", new { name = "x", unitCode = "STC", permissions = new[] { "units.view" }, expiresAt = "2027-01-01T00:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["Ngày hết hạn phải sau hôm nay và không quá một năm."], (await tooLong.ReadProblemAsync()).Errors!["expiresAt"]);
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
    }
}
