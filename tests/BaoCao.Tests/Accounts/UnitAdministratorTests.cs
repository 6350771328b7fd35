using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Accounts;

/// <summary>
/// A unit administrator gone bad: the trade department's leader, made administrator of the trade department (SCT) and
/// its sub-units, tries to reach the province. Least privilege: they administer only accounts wholly inside SCT, every
/// province-wide operation is refused with nothing changed, and account requests are completed by the province
/// office — never by the unit that filed them, never by the person who filed them.
/// </summary>
public sealed class UnitAdministratorTests
{
    internal const string UnitAdmin = "lanhdao.sct";

    /// <summary>Makes <see cref="UnitAdmin"/> an administrator of SCT with its sub-units and signs them in.</summary>
    internal static async Task<HttpClient> UnitAdministratorAsync(BaoCaoApp app)
    {
        var admin = await app.SignedInAsAsync("admin");
        var granted = await admin.PostAsJsonAsync($"/api/accounts/{UnitAdmin}/grants", new { role = "Administrator", unitCode = "SCT", includeSubUnits = true });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return await app.SignedInAsAsync(UnitAdmin);
    }

    private static object Request(string kind, string userName, string? email = null, string? role = null, string? grantUnitCode = null) => new
    {
        unitCode = "SCT", kind, documentNumber = "77/SCT-VP", documentDate = "2026-11-26", userName, email, role, grantUnitCode,
        displayName = kind == "Create" ? "Trần Văn Bình" : null,
    };

    private static Task<Account> AccountAsync(BaoCaoApp app, string userName) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().Accounts.AsNoTracking().SingleAsync(a => a.UserName == userName));

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_unit_administrator_cannot_file_requests_against_accounts_outside_their_unit(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var unitAdmin = await UnitAdministratorAsync(app);
        var before = await AccountAsync(app, "admin");

        var terminateAdmin = await unitAdmin.PostAsJsonAsync("/api/accounts/requests", Request("Terminate", "admin"));
        var suspendLeader = await unitAdmin.PostAsJsonAsync("/api/accounts/requests", Request("Suspend", "lanhdao.stc"));
        var rewriteLeader = await unitAdmin.PostAsJsonAsync("/api/accounts/requests",
            Request("Change", "lanhdao.stc", email: "ke-gian@example.com", role: "Administrator", grantUnitCode: "SCT"));
        // Their own unit's officer is theirs to request for.
        var ownOfficer = await unitAdmin.PostAsJsonAsync("/api/accounts/requests", Request("Suspend", "canbo.sct"));

        Assert.Equal(HttpStatusCode.BadRequest, terminateAdmin.StatusCode);
        Assert.Contains("thuộc trọn", (await terminateAdmin.ReadProblemAsync()).Errors!["userName"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, suspendLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rewriteLeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownOfficer.StatusCode);
        var after = await AccountAsync(app, "admin");
        Assert.Equal((before.Status, before.Email, before.SecurityStamp), (after.Status, after.Email, after.SecurityStamp));
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<AccountsDbContext>().AccountRequests.CountAsync()));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Account_requests_are_completed_by_the_province_office_and_never_by_whoever_filed_them(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var unitAdmin = await UnitAdministratorAsync(app);
        var admin = await app.SignedInAsAsync("admin");

        var filed = await (await unitAdmin.PostAsJsonAsync("/api/accounts/requests", Request("Suspend", "canbo.sct"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = filed.GetProperty("id").GetGuid();
        var bySelf = await unitAdmin.PostAsync($"/api/accounts/requests/{id}/complete", null);
        var rejectedBySelf = await unitAdmin.PostAsJsonAsync($"/api/accounts/requests/{id}/reject", new { reason = "Tự từ chối" });
        Assert.Equal(HttpStatusCode.Forbidden, bySelf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rejectedBySelf.StatusCode);
        Assert.Equal(AccountStatus.Active, (await AccountAsync(app, "canbo.sct")).Status);

        // The province administrator filing a request cannot complete it either: four eyes.
        var adminFiled = await (await admin.PostAsJsonAsync("/api/accounts/requests", new
        {
            unitCode = "STC", kind = "Suspend", documentNumber = "12/VP-UBND", documentDate = "2026-11-26", userName = "canbo.stc",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var adminOwn = await admin.PostAsync($"/api/accounts/requests/{adminFiled.GetProperty("id").GetGuid()}/complete", null);
        Assert.Equal(HttpStatusCode.Forbidden, adminOwn.StatusCode);
        Assert.Equal(AccountStatus.Active, (await AccountAsync(app, "canbo.stc")).Status);

        var byProvince = await admin.PostAsync($"/api/accounts/requests/{id}/complete", null);
        Assert.Equal(HttpStatusCode.OK, byProvince.StatusCode);
        Assert.Equal(AccountStatus.Suspended, (await AccountAsync(app, "canbo.sct")).Status);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_request_for_an_account_that_gained_a_grant_elsewhere_is_not_completed(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var unitAdmin = await UnitAdministratorAsync(app);
        var admin = await app.SignedInAsAsync("admin");
        var filed = await (await unitAdmin.PostAsJsonAsync("/api/accounts/requests", Request("Terminate", "canbo.sct"))).Content.ReadFromJsonAsync<JsonElement>();
        // Meanwhile the officer was also made a receiver of the finance department's reports.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/accounts/canbo.sct/grants", new { role = "ReportReceiver", unitCode = "STC" })).StatusCode);

        var completed = await admin.PostAsync($"/api/accounts/requests/{filed.GetProperty("id").GetGuid()}/complete", null);

        Assert.Equal(HttpStatusCode.Forbidden, completed.StatusCode);
        Assert.Equal(AccountStatus.Active, (await AccountAsync(app, "canbo.sct")).Status);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_unit_administrator_administers_only_accounts_wholly_inside_their_unit(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var unitAdmin = await UnitAdministratorAsync(app);
        var admin = await app.SignedInAsAsync("admin");
        // The province administrator works from the province office; make them also hold a grant inside SCT.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/accounts/admin/grants", new { role = "Leader", unitCode = "SCT" })).StatusCode);
        var stamp = (await AccountAsync(app, "admin")).SecurityStamp;

        var reissueAdmin = await unitAdmin.PostAsync("/api/accounts/admin/reissue-password", null);
        var adminGrants = await unitAdmin.GetAsync("/api/accounts/admin/grants");
        var grantToAdmin = await unitAdmin.PostAsJsonAsync("/api/accounts/admin/grants", new { role = "DataEntry", unitCode = "SCT" });
        var reissueForeign = await unitAdmin.PostAsync("/api/accounts/lanhdao.stc/reissue-password", null);
        var ownGrants = await unitAdmin.GetAsync("/api/accounts/canbo.sct/grants");

        Assert.Equal(HttpStatusCode.NotFound, reissueAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adminGrants.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grantToAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reissueForeign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownGrants.StatusCode);
        Assert.Equal(stamp, (await AccountAsync(app, "admin")).SecurityStamp);
        Assert.NotNull((await AccountAsync(app, "admin")).PasswordHash);
    }

    /// <summary>The operations of the province-wide list (Accounts' <c>Grants.ProvinceWide</c>) and units above one's own.</summary>
    private static readonly (string Method, string Path, string? Body)[] ProvinceWideOperations =
    [
        ("GET", "/api/workflow/audit", null),
        ("GET", "/api/workflow/audit/verify", null),
        ("GET", "/api/deadlines/reminders/template", null),
        ("PUT", "/api/deadlines/reminders/template", """{"subject":"Giả mạo","body":"Bấm vào đây"}"""),
        ("PUT", "/api/deadlines/reminders/ladders/BC-KTXH-THANG", """{"steps":[{"offsetDays":-1}]}"""),
        ("GET", "/api/deadlines/reminders/preview", null),
        ("POST", "/api/deadlines/reminders/run", null),
        ("GET", "/api/deadlines/reminders", null),
        ("POST", "/api/deadlines/compliance/202610/generate?regenerate=true", null),
        ("POST", "/api/deadlines/usage/202610/generate?regenerate=true", null),
        ("PUT", "/api/calendar/schedules/2027", """[{"date":"2027-01-04","kind":"Holiday","name":"Giả"}]"""),
        ("DELETE", "/api/calendar/schedules/2027", null),
        ("POST", "/api/dashboards/publications", """{"indicators":["THU_NSNN"],"periods":["202610"]}"""),
        ("POST", "/api/dashboards/rebuild", null),
        ("POST", "/api/exchange/keys/rotate", null),
        ("PUT", "/api/exchange/partners/BTC", """{"name":"Giả mạo","publicKey":"x"}"""),
        ("GET", "/api/exchange/outbox", null),
        ("PUT", "/api/units/UBND-NB", """{"name":"Tỉnh của tôi","version":1}"""),
        ("POST", "/api/units", """{"parentCode":null,"code":"X-GIA","name":"Đơn vị giả","kind":"OtherAgency","validFrom":"2026-12-01"}"""),
        ("POST", "/api/units", """{"parentCode":"UBND-NB","code":"X-GIA","name":"Đơn vị giả","kind":"OtherAgency","validFrom":"2026-12-01"}"""),
        ("GET", "/jobs", null),
        ("GET", "/jobs/recurring", null),
        ("POST", "/jobs/recurring/remove", "jobs[]=deadlines:reminders"),
    ];

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_unit_administrator_is_refused_every_province_wide_operation_and_nothing_changes(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var unitAdmin = await UnitAdministratorAsync(app);
        var before = await SnapshotAsync(app);

        var allowed = new List<string>();
        foreach (var (method, path, body) in ProvinceWideOperations)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, body.StartsWith('j') ? "application/x-www-form-urlencoded" : "application/json");
            var response = await unitAdmin.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized))
                allowed.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(allowed);
        Assert.Equal(before, await SnapshotAsync(app));
        // The province administrator still may: the list is about scope, not the role's name.
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/workflow/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/jobs/recurring")).StatusCode);
    }

    /// <summary>What a province-wide operation would change: units, the reminder template, schedules, publications,
    /// generated reports, keys and recurring jobs.</summary>
    private static Task<string> SnapshotAsync(BaoCaoApp app) => app.InScopeAsync(async sp =>
    {
        var accounts = sp.GetRequiredService<AccountsDbContext>();
        var units = string.Join(";", await accounts.Units.AsNoTracking().OrderBy(u => u.Code).Select(u => u.Code + "=" + u.Name + "@" + u.Version).ToListAsync());
        var keys = await accounts.SigningKeys.CountAsync() + "/" + await accounts.ExchangePartners.CountAsync();
        var deadlines = sp.GetRequiredService<BaoCao.Deadlines.Persistence.DeadlinesDbContext>();
        var reminders = $"{await deadlines.ReminderTemplates.CountAsync()}/{await deadlines.ReminderPolicies.CountAsync()}/{await deadlines.ReminderDigests.CountAsync()}/{await deadlines.OfficialDays.CountAsync()}";
        var reports = $"{await deadlines.ComplianceReports.CountAsync()}/{await deadlines.UsageReports.CountAsync()}";
        var published = await sp.GetRequiredService<BaoCao.Dashboards.Persistence.DashboardsDbContext>().Publications.CountAsync();
        using var connection = sp.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var jobs = string.Join(",", Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id).Order());
        return $"{units}|keys={keys}|reminders={reminders}|reports={reports}|published={published}|jobs={jobs}";
    });
}
