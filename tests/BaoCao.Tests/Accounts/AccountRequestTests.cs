using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Accounts;

/// <summary>Đ9: a unit's written request, handled by the province office within one working day; credentials
/// reach the person as a one-time link by e-mail (a real SMTP server here), never as a password.</summary>
public sealed class AccountRequestTests
{
    private static object CreateRequest(string userName = "canbo2.stc") => new
    {
        unitCode = "STC", kind = "Create", documentNumber = "125/STC-VP", documentDate = "2026-11-26",
        userName, displayName = "Nguyễn Thị Hà", email = $"{userName}@ninhbinh.gov.vn", role = "DataEntry", grantUnitCode = "STC",
    };

    private static async Task<JsonElement> FileAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/accounts/requests", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string LinkToken(string body) => Regex.Match(body, @"dat-mat-khau\?token=([A-Za-z0-9_-]+)").Groups[1].Value;

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_new_account_is_issued_on_request_and_its_owner_sets_the_password_from_the_emailed_link(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(database, smtp.Settings);
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");

        var filed = await FileAsync(leader, CreateRequest());
        // Filed Friday 27/11 09:00: due at the end of the next working day, Monday 30/11 (Hà Nội time).
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)), filed.GetProperty("dueAt").GetDateTimeOffset());

        var id = filed.GetProperty("id").GetGuid();
        var completed = await (await admin.PostAsync($"/api/accounts/requests/{id}/complete", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(completed.GetProperty("linkEmailed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("setPasswordLink").ValueKind);

        var mail = await smtp.WaitForMessageToAsync("canbo2.stc@ninhbinh.gov.vn");
        Assert.Equal("[BaoCao] Tài khoản của bạn đã được cấp", mail.Subject);
        Assert.Contains("Tên đăng nhập: canbo2.stc", mail.TextBody);
        var token = LinkToken(mail.TextBody ?? "");

        var anonymous = app.CreateClient();
        var weak = await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token, password = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("ít nhất 14 ký tự", (await weak.ReadProblemAsync()).Errors!["password"][0]);

        var set = await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token, password = "hoa sen nở giữa đầm" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var again = await anonymous.PostAsJsonAsync("/api/auth/set-password", new { token, password = "một mật khẩu khác hẳn" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "canbo2.stc", password = "hoa sen nở giữa đầm" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var queue = await admin.GetFromJsonAsync<List<JsonElement>>("/api/accounts/requests");
        Assert.Equal("Completed", queue!.Single().GetProperty("status").GetString());
        Assert.Equal("admin", queue!.Single().GetProperty("handledBy").GetString());
    }

    [Fact]
    public async Task A_request_not_handled_within_one_working_day_stands_out_as_overdue()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        await FileAsync(leader, CreateRequest());

        var monday = await leader.GetFromJsonAsync<List<JsonElement>>("/api/accounts/requests?status=Pending");
        app.Clock.Advance(TimeSpan.FromDays(4)); // Tuesday 1/12 09:00; the idle session has expired meanwhile
        leader = await app.SignedInAsAsync("lanhdao.stc");
        var tuesday = await leader.GetFromJsonAsync<List<JsonElement>>("/api/accounts/requests?status=Pending");

        Assert.False(monday!.Single().GetProperty("overdue").GetBoolean());
        Assert.True(tuesday!.Single().GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Without_a_mail_server_the_office_gets_the_link_to_deliver_by_document()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var id = (await FileAsync(await app.SignedInAsAsync("lanhdao.stc"), CreateRequest())).GetProperty("id").GetGuid(); // filed by the unit, handled by the office

        var completed = await (await admin.PostAsync($"/api/accounts/requests/{id}/complete", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(completed.GetProperty("linkEmailed").GetBoolean());
        Assert.Contains("/dat-mat-khau?token=", completed.GetProperty("setPasswordLink").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_suspension_request_ends_the_sessions_of_the_account(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");
        var id = (await FileAsync(leader, new { unitCode = "STC", kind = "Suspend", documentNumber = "130/STC-VP", documentDate = "2026-11-27", userName = "canbo.stc" }))
            .GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/requests/{id}/complete", null)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/me")).StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "canbo.stc", password = BaoCaoApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_a_closed_request_stays_closed()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var id = (await FileAsync(await app.SignedInAsAsync("lanhdao.stc"), CreateRequest())).GetProperty("id").GetGuid();

        var noReason = await admin.PostAsJsonAsync($"/api/accounts/requests/{id}/reject", new { reason = " " });
        var rejected = await admin.PostAsJsonAsync($"/api/accounts/requests/{id}/reject", new { reason = "Văn bản chưa có chữ ký của lãnh đạo." });
        var completeAfter = await admin.PostAsync($"/api/accounts/requests/{id}/complete", null);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Cần ghi rõ lý do từ chối."], (await noReason.ReadProblemAsync()).Errors!["reason"]);
        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, completeAfter.StatusCode);
        Assert.Equal("Đề nghị này đã được xử lý trước đó.", (await completeAfter.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task Only_the_units_leaders_and_administrators_file_requests_and_only_administrators_handle_them()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        var byOfficer = await officer.PostAsJsonAsync("/api/accounts/requests", CreateRequest());
        var forForeignUnit = await leader.PostAsJsonAsync("/api/accounts/requests", new
        {
            unitCode = "SNV", kind = "Suspend", documentNumber = "1/SNV", documentDate = "2026-11-27", userName = "canbo.snv",
        });
        var id = (await FileAsync(leader, CreateRequest())).GetProperty("id").GetGuid();
        var handledByLeader = await leader.PostAsync($"/api/accounts/requests/{id}/complete", null);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forForeignUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, handledByLeader.StatusCode);
    }

    [Fact]
    public async Task A_lost_password_is_reissued_as_a_link_and_the_old_one_stops_working()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, smtp.Settings);
        var admin = await app.SignedInAsAsync("admin");

        var reissued = await admin.PostAsync("/api/accounts/canbo.snv/reissue-password", null);

        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var mail = await smtp.WaitForMessageToAsync("canbo.snv@ninhbinh.gov.vn");
        Assert.Equal("[BaoCao] Đặt lại mật khẩu", mail.Subject);
        var old = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "canbo.snv", password = BaoCaoApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        var set = await app.CreateClient().PostAsJsonAsync("/api/auth/set-password", new { token = LinkToken(mail.TextBody ?? ""), password = "đồng lúa chín vàng ươm" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    [Fact]
    public async Task A_set_password_link_expires_after_72_hours()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.SignedInAsAsync("admin");
        var completed = await (await admin.PostAsync("/api/accounts/canbo.snv/reissue-password", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = LinkToken(completed.GetProperty("setPasswordLink").GetString()!);

        app.Clock.Advance(TimeSpan.FromHours(73));
        var late = await app.CreateClient().PostAsJsonAsync("/api/auth/set-password", new { token, password = "đồng lúa chín vàng ươm" });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("hết hạn", (await late.ReadProblemAsync()).Detail);
    }
}
