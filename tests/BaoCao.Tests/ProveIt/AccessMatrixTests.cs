using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Exchange;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// The access-control matrix, generated from the route table: every route with an id or code parameter, every method,
/// filled with an object of a foreign unit (the finance department's form data, report, account, grant, token,
/// delegation, dashboard…, or a province-level object), sent by each role of another unit (the trade department's officer
/// and leader, the home affairs department's unit administrator) and anonymously → no successful answer. Lists read by those roles hold no row of a foreign unit. Extra
/// JSON members (unit, state, approver) change nothing.
/// </summary>
public sealed class AccessMatrixTests
{
    /// <summary>Catalogues every signed-in user of the province reads (periods, indicators, forms, regimes and their
    /// templates, packet schemas, the compliance and usage reports): not objects of a unit.</summary>
    private static readonly string[] ProvinceWideReads =
    [
        "/api/periods/{code}", "/api/exchange/schemas/{type}", "/api/indicators/{code}", "/api/forms/{code}", "/api/regimes/{code}",
        "/api/regimes/{code}/template", "/api/deadlines/reminders/ladders/{regimeCode}", "/api/deadlines/compliance/{period}",
        "/api/deadlines/compliance/{period}/export", "/api/deadlines/usage/{period}", "/api/deadlines/usage/{period}/export",
        "/api/deadlines/reception/{regimeCode}/{period}",
    ];

    /// <summary>The trade department's officer and leader, the home affairs department's administrator (a unit
    /// administrator: Administrator on SNV with its sub-units, see <see cref="MakeUnitAdministratorAsync"/>) and anonymous.</summary>
    private static readonly string?[] Actors = ["canbo.sct", "lanhdao.sct", "lanhdao.snv", null];

    private static async Task MakeUnitAdministratorAsync(HttpClient admin) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/accounts/lanhdao.snv/grants", new { role = "Administrator", unitCode = "SNV", includeSubUnits = true })).StatusCode);

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_role_of_another_unit_reaches_a_foreign_object_through_any_route(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        await MakeUnitAdministratorAsync(admin);

        // The foreign objects: the finance department's (STC) and the province's.
        await ExchangeScenario.ApproveOctoberAsync(officer, leader);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/reopen", new { reason = "Bổ sung số liệu." })).StatusCode);
        async Task<string> IdAsync(HttpResponseMessage response, string? property = "id")
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (property is null ? body : body.GetProperty(property)).ToString();
        }
        var request = await IdAsync(await leader.PostAsJsonAsync("/api/accounts/requests", new { unitCode = "STC", kind = "Create", documentNumber = "125/STC-VP",
            documentDate = "2026-11-26", userName = "canbo2.stc", displayName = "Nguyễn Thị Hà", email = "canbo2.stc@ninhbinh.gov.vn", role = "DataEntry", grantUnitCode = "STC" }));
        var delegation = await IdAsync(await leader.PostAsJsonAsync("/api/accounts/delegations", new { unitCode = "STC", toUserName = "canbo.stc", forms = new[] { "BM-TC-THANG" }, until = "2026-12-04" }), null);
        var token = await IdAsync(await admin.PostAsJsonAsync("/api/accounts/tokens", new { name = "Hệ thống ngành Tài chính", unitCode = "STC", permissions = new[] { "units.view" },
            expiresAt = "2027-06-30T00:00:00+07:00" }));
        var grant = (await admin.GetFromJsonAsync<JsonElement[]>("/api/accounts/canbo.stc/grants"))![0].GetProperty("id").ToString();
        var reconciliation = await IdAsync(await admin.PostAsJsonAsync("/api/exchange/reconciliations", new { source = "Nguồn", data = new { dataSet = "BM-TC-THANG",
            period = "202610", orgUnit = "STC", dataValues = new[] { new { dataElement = "THU_XNK", value = "1" } } } }), null);
        reconciliation = JsonDocument.Parse(reconciliation).RootElement.GetProperty("summary").GetProperty("id").ToString();
        var notification = (await officer.GetFromJsonAsync<JsonElement[]>("/api/workflow/notifications"))!.First().GetProperty("id").ToString();
        var sdl = await app.SignedInAsAsync("canbo.sdl");
        var foreignReport = (await sdl.GetFromJsonAsync<JsonElement[]>("/api/workflow/reports?regimeCode=BC-KTXH-THANG"))!.First(r => r.GetProperty("unitCode").GetString() == "SDL");
        var reportPeriod = foreignReport.GetProperty("period").GetString()!;
        var foreignIndicator = (await admin.GetFromJsonAsync<JsonElement[]>("/api/indicators"))!
            .First(i => i.GetProperty("ownerUnit").GetString() is { } owner && owner != "SCT").GetProperty("code").GetString()!;

        string Fill(string path, string name) => (path, name) switch
        {
            (_, "unitCode" or "unit") => path.Contains("/reports/") ? "SDL" : "STC",
            (_, "formCode") => "BM-TC-THANG",
            (_, "regimeCode") => "BC-KTXH-THANG",
            (_, "period") => path.Contains("/reports/") ? reportPeriod : "202610",
            (_, "userName") => "canbo.stc",
            (_, "grantId") => grant,
            (_, "year") => "2027",
            (_, "index") => "0",
            (_, "indicator") => "THU_NSNN",
            (var p, "version" or "from" or "to") when p.Contains("/versions/") => "1", // the foreign report's first version
            (_, "type") => "regime",
            (var p, "code") when p.StartsWith("/api/units") => "STC",
            (var p, "code") when p.StartsWith("/api/indicators/validation-rules") => "KT-01",
            (var p, "code") when p.StartsWith("/api/indicators") => foreignIndicator,
            (var p, "code") when p.StartsWith("/api/forms") => "BM-TC-THANG",
            (var p, "code") when p.StartsWith("/api/regimes") => "BC-KTXH-THANG",
            (var p, "code") when p.StartsWith("/api/dashboards") => "TAI-CHINH",
            (var p, "code") when p.StartsWith("/api/exchange/partners") => "UBND-NB",
            (var p, "code") when p.StartsWith("/api/periods") => "202610",
            (var p, "id") when p.Contains("/requests/") => request,
            (var p, "id") when p.Contains("/delegations/") => delegation,
            (var p, "id") when p.Contains("/tokens/") => token,
            (var p, "id") when p.Contains("/reconciliations/") => reconciliation,
            (var p, "id") when p.Contains("/notifications/") => notification,
            (_, "id") => Guid.NewGuid().ToString(), // attachments, digests, outbox: none of the actors' own exists to mistake
            _ => throw new InvalidOperationException($"No foreign object for {{{name}}} in {path}: add one to the matrix."),
        };

        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/") && p.Name.Contains('{'))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name.ToUpperInvariant())))
            .Where(r => !(r.Method == "GET" && ProvinceWideReads.Contains(r.Path))).ToList();
        Assert.True(routes.Count >= 55, $"only {routes.Count} routes with parameters");
        var clients = new Dictionary<string, HttpClient>();
        foreach (var actor in Actors)
            clients[actor ?? ""] = await app.SignedInAsAsync(actor);
        var leaks = new List<string>();
        var requests = 0;
        foreach (var (path, method) in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m => Uri.EscapeDataString(Fill(path, m.Groups[1].Value)));
            foreach (var actor in Actors)
            {
                using var message = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                    message.Content = JsonContent.Create(new { reason = "Thử quyền.", name = "Thử", version = 1, successorCode = "SCT", newParentCode = "SCT", unitCode = "SCT",
                        until = "2026-12-31", from = "2026-12-01", text = "Thử", sections = Array.Empty<object>() });
                using var response = await clients[actor ?? ""].SendAsync(message);
                requests++;
                if (response.IsSuccessStatusCode)
                    leaks.Add($"{actor ?? "(ẩn danh)"} {method} {url} → {(int)response.StatusCode}");
            }
        }
        Console.WriteLine($"Access matrix: {routes.Count} routes × {Actors.Length} actors = {requests} requests, {leaks.Count} successful");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lists_hold_no_row_of_a_foreign_unit_and_extra_members_change_nothing(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var foreignOfficer = await app.SignedInAsAsync("canbo.sct");
        await MakeUnitAdministratorAsync(await app.SignedInAsAsync("admin"));
        var unitAdministrator = await app.SignedInAsAsync("lanhdao.snv");
        await ExchangeScenario.ApproveOctoberAsync(officer, leader);

        // Lists of unit data, read by the trade department's officer: only SCT's rows.
        string[] lists = ["/api/workflow/submissions?period=202610", "/api/workflow/reports", "/api/workflow/audit", "/api/workflow/approved?after=0",
            "/api/exchange/changes?after=0", "/api/workflow/notifications", "/api/accounts", "/api/units"];
        var foreign = new List<string>();
        string[] administered = [.. lists, "/api/accounts/security-log", "/api/accounts/requests", "/api/accounts/tokens"];
        var reads = lists.Select(l => (Reader: foreignOfficer, Own: "SCT", List: l)).Concat(administered.Select(l => (Reader: unitAdministrator, Own: "SNV", List: l)));
        foreach (var (reader, own, list) in reads)
        {
            using var response = await reader.GetAsync(list);
            if (!response.IsSuccessStatusCode)
                continue; // refused outright: nothing listed
            void Walk(JsonElement element)
            {
                if (element.ValueKind == JsonValueKind.Object)
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name is "unitCode" or "orgUnit" && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } unit
                            && unit != own && !unit.StartsWith(own + "-", StringComparison.Ordinal))
                            foreign.Add($"{list} ({own}): {unit}");
                        Walk(property.Value);
                    }
                else if (element.ValueKind == JsonValueKind.Array)
                    foreach (var item in element.EnumerateArray())
                        Walk(item);
            }
            Walk(await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        Assert.True(foreign.Count == 0, string.Join("\n", foreign.Distinct().Take(30)));

        // Mass assignment: members the API does not take are ignored, whatever they claim.
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/reopen", new { reason = "Bổ sung." })).StatusCode);
        var saved = await officer.PostAsJsonAsync("/api/forms/data", new
        {
            formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_XNK", value = 4321, unitCode = "SCT", state = "Approved" } },
            state = "Approved", approvedBy = "lanhdao.stc", approver = "lanhdao.stc", submittedBy = "lanhdao.stc", version = 999,
        });
        var state = (await officer.GetFromJsonAsync<JsonElement[]>("/api/workflow/submissions?period=202610&unitCode=STC"))!
            .Single(s => s.GetProperty("formCode").GetString() == "BM-TC-THANG");
        var approved = (await officer.GetFromJsonAsync<JsonElement>("/api/exchange/dataValueSets?dataSet=BM-TC-THANG&period=202610&orgUnit=STC"))
            .GetProperty("dataValues").EnumerateArray().Single(v => v.GetProperty("dataElement").GetString() == "THU_XNK").GetProperty("value").GetString();
        var foreignCell = await foreignOfficer.GetAsync("/api/forms/data?formCode=BM-CT-THANG&unitCode=SCT&period=202610");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(4321m, await ExchangeScenario.CellAsync(officer, "THU_XNK"));
        Assert.Equal("Reopened", state.GetProperty("state").GetString()); // not "Approved"
        Assert.NotEqual("4321", approved); // the approved value is the one approved before
        Assert.DoesNotContain("4321", await foreignCell.Content.ReadAsStringAsync()); // not written to the unit it named

        var admin = await app.SignedInAsAsync("admin");
        var unit = await admin.GetFromJsonAsync<JsonElement>("/api/units/STC");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/units/STC", new { name = unit.GetProperty("name").GetString(), parent = new { code = "SCT" },
            parentCode = "SCT", kind = "CommunePeoplesCommittee", validTo = "2026-01-01", version = unit.GetProperty("version").GetInt64() })).StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/units/STC");
        Assert.Equal((unit.GetProperty("parent").GetProperty("code").GetString(), unit.GetProperty("kind").GetString(), JsonValueKind.Null),
            (after.GetProperty("parent").GetProperty("code").GetString(), after.GetProperty("kind").GetString(), after.GetProperty("validTo").ValueKind));
    }
}
