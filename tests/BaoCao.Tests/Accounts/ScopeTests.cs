using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaoCao.Tests.Accounts;

/// <summary>Who sees which units and accounts: every role × own unit / sub-unit / foreign unit × endpoint.</summary>
public sealed class ScopeTests
{
    // The officer of STC has a grant on STC alone; the leader on STC with its sub-units; admin on the province.
    public static TheoryData<string?, string, string, int> Matrix => new()
    {
        // who, endpoint template, target unit, expected status
        { "admin", "/api/units/{0}", "STC", 200 }, { "admin", "/api/units/{0}", "STC-NS", 200 }, { "admin", "/api/units/{0}", "SNV", 200 },
        { "lanhdao.stc", "/api/units/{0}", "STC", 200 }, { "lanhdao.stc", "/api/units/{0}", "STC-NS", 200 }, { "lanhdao.stc", "/api/units/{0}", "SNV", 404 },
        { "canbo.stc", "/api/units/{0}", "STC", 200 }, { "canbo.stc", "/api/units/{0}", "STC-NS", 404 }, { "canbo.stc", "/api/units/{0}", "SNV", 404 },
        { null, "/api/units/{0}", "STC", 401 },

        { "admin", "/api/accounts?unitCode={0}", "STC", 200 }, { "admin", "/api/accounts?unitCode={0}", "STC-NS", 200 }, { "admin", "/api/accounts?unitCode={0}", "SNV", 200 },
        { "lanhdao.stc", "/api/accounts?unitCode={0}", "STC", 403 }, { "lanhdao.stc", "/api/accounts?unitCode={0}", "SNV", 403 },
        { "canbo.stc", "/api/accounts?unitCode={0}", "STC", 403 }, { "canbo.stc", "/api/accounts?unitCode={0}", "SNV", 403 },
        { null, "/api/accounts?unitCode={0}", "STC", 401 },

        { "admin", "/api/accounts/security-log?userName=canbo.{0}", "stc", 200 },
        { "lanhdao.stc", "/api/accounts/security-log?userName=canbo.{0}", "stc", 403 },
        { "canbo.stc", "/api/accounts/security-log?userName=canbo.{0}", "stc", 403 },
        { null, "/api/accounts/security-log?userName=canbo.{0}", "stc", 401 },

        { "admin", "/api/me", "", 200 }, { "lanhdao.stc", "/api/me", "", 200 }, { "canbo.stc", "/api/me", "", 200 }, { null, "/api/me", "", 401 },
        { "canbo.stc", "/api/units", "", 200 }, { null, "/api/units", "", 401 },

        { "admin", "/api/accounts/{0}/grants", "canbo.stc", 200 }, { "admin", "/api/accounts/{0}/grants", "canbo.snv", 200 },
        { "lanhdao.stc", "/api/accounts/{0}/grants", "canbo.stc", 403 }, { "lanhdao.stc", "/api/accounts/{0}/grants", "canbo.snv", 403 },
        { "canbo.stc", "/api/accounts/{0}/grants", "canbo.stc", 403 }, { null, "/api/accounts/{0}/grants", "canbo.stc", 401 },

        { "admin", "/api/accounts/requests", "", 200 }, { "lanhdao.stc", "/api/accounts/requests", "", 200 },
        { "canbo.stc", "/api/accounts/requests", "", 403 }, { null, "/api/accounts/requests", "", 401 },
        { "admin", "/api/accounts/tokens", "", 200 }, { "lanhdao.stc", "/api/accounts/tokens", "", 403 },
        { "canbo.stc", "/api/accounts/tokens", "", 403 }, { null, "/api/accounts/tokens", "", 401 },
        { "lanhdao.stc", "/api/accounts/delegations", "", 200 }, { "canbo.stc", "/api/accounts/delegations", "", 200 }, { null, "/api/accounts/delegations", "", 401 },
        { "canbo.stc", "/api/me/access?permission=data.enter&unitCode={0}", "STC", 200 }, { null, "/api/me/access?permission=data.enter&unitCode={0}", "STC", 401 },
    };

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_authorization_matrix_holds(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var clients = new Dictionary<string, HttpClient>();
        var wrong = new List<string>();
        foreach (var row in Matrix)
        {
            var (who, template, unit, expected) = ((string?)row[0], (string)row[1], (string)row[2], (int)row[3]);
            var key = who ?? "(anonymous)";
            if (!clients.TryGetValue(key, out var client))
                clients[key] = client = await app.SignedInAsAsync(who);
            var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, unit));
            if ((int)response.StatusCode != expected)
                wrong.Add($"{key} GET {string.Format(System.Globalization.CultureInfo.InvariantCulture, template, unit)}: {(int)response.StatusCode}, expected {expected}");
            if (expected >= 400)
                await response.ReadProblemAsync();
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_unit_tree_reaches_as_far_as_the_grants(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);

        var province = await Codes(await app.SignedInAsAsync("admin"), "/api/units");
        var leader = await Codes(await app.SignedInAsAsync("lanhdao.stc"), "/api/units");
        var officer = await Codes(await app.SignedInAsAsync("canbo.stc"), "/api/units");

        Assert.Contains("UBND-NB", province);
        Assert.Contains("P-HOALU", province);
        Assert.Contains("SNNMT-MT", province);
        Assert.DoesNotContain("UBND-HNAM", province); // merged away: hidden unless asked for
        Assert.True(province.Count >= 40, $"{province.Count} units");
        Assert.Equal(["STC", "STC-DT", "STC-NS"], leader.Order());
        Assert.Equal(["STC"], officer);
    }

    [Fact]
    public async Task Merged_units_point_to_their_successor()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");

        using var tree = JsonDocument.Parse(await admin.GetStringAsync("/api/units?includeMerged=true"));
        var province = tree.RootElement.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "UBND-NB");
        var former = province.GetProperty("children").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "UBND-HNAM");
        var details = await admin.GetFromJsonAsync<JsonElement>("/api/units/UBND-NDINH");

        Assert.Equal("UBND-NB", former.GetProperty("successorCode").GetString());
        Assert.Equal("2025-06-30", former.GetProperty("validTo").GetString());
        Assert.Equal("UBND-NB", details.GetProperty("successor").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsAsync("lanhdao.stc")).GetAsync("/api/units/UBND-HNAM")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Administrators_list_accounts_by_unit_and_role(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");

        var all = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts");
        var stc = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts?unitCode=STC");
        var leaders = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts?role=Leader");
        var badRole = await admin.GetAsync("/api/accounts?role=Boss");
        Assert.NotNull(stc);

        Assert.Equal(29, all!.Count); // admin + a leader and an officer for each of 14 departments
        Assert.Equal(["canbo.stc", "lanhdao.stc"], stc.Select(a => a.GetProperty("userName").GetString()));
        Assert.Equal(["DataEntry"], stc[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("STC", stc[0].GetProperty("units")[0].GetProperty("code").GetString());
        Assert.Equal(14, leaders!.Count);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
    }

    private static async Task<List<string>> Codes(HttpClient client, string url)
    {
        using var tree = JsonDocument.Parse(await client.GetStringAsync(url));
        var codes = new List<string>();
        void Walk(JsonElement nodes)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                codes.Add(node.GetProperty("code").GetString()!);
                Walk(node.GetProperty("children"));
            }
        }
        Walk(tree.RootElement);
        return codes;
    }
}
