using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Workflow;

public sealed class ApprovalTests
{
    private const string Cell = "/api/workflow/submissions/BM-TC-THANG/STC/202610";

    [Fact]
    public void The_state_machine_allows_exactly_the_six_transitions_of_the_regulation()
    {
        var allowed = new HashSet<(SubmissionState, SubmissionAction)>
        {
            (SubmissionState.Draft, SubmissionAction.Submit), (SubmissionState.Returned, SubmissionAction.Submit), (SubmissionState.Reopened, SubmissionAction.Submit),
            (SubmissionState.Submitted, SubmissionAction.Approve), (SubmissionState.Submitted, SubmissionAction.Return), (SubmissionState.Approved, SubmissionAction.Reopen),
        };
        foreach (var state in Enum.GetValues<SubmissionState>())
        {
            foreach (var action in Enum.GetValues<SubmissionAction>())
            {
                var (next, refusal) = SubmissionStateMachine.Apply(state, action);
                Assert.Equal(allowed.Contains((state, action)), next is not null);
                Assert.Equal(next is null, refusal is not null && refusal.StartsWith("Không thể", StringComparison.Ordinal));
            }
        }
        Assert.Equal([SubmissionState.Draft, SubmissionState.Returned, SubmissionState.Reopened],
            Enum.GetValues<SubmissionState>().Where(SubmissionStateMachine.AllowsEntry));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Submit_return_fix_resubmit_approve_reopen_and_approve_again_feeds_only_the_changed_cells(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        Task<HttpResponseMessage> Act(HttpClient who, string action, string? reason = null) => who.PostAsJsonAsync($"{Cell}/{action}", new { reason });
        Task<HttpResponseMessage> Edit(decimal value) => officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_XNK", value } } });

        var leaderCannotSubmit = await Act(leader, "submit");
        var submitted = await Act(officer, "submit");
        var lockedEdit = await Edit(200);
        var officerCannotApprove = await Act(officer, "approve");
        var returnWithoutReason = await Act(leader, "return");
        var returned = await (await Act(leader, "return", "Thu xuất nhập khẩu chưa khớp số liệu Hải quan.")).Content.ReadFromJsonAsync<JsonElement>();
        var fixedEdit = await Edit(200);
        await Act(officer, "submit");
        var firstDiff = await leader.GetFromJsonAsync<JsonElement[]>($"{Cell}/diff");
        var approved = await (await Act(leader, "approve")).Content.ReadFromJsonAsync<JsonElement>();
        var feed = await leader.GetFromJsonAsync<JsonElement>("/api/workflow/approved?after=0&limit=1000");
        var approveAgain = await Act(leader, "approve");
        await Act(leader, "reopen", "Bổ sung số liệu thu tiền sử dụng đất.");
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_DAT", value = 350 } } });
        await Act(officer, "submit");
        var secondDiff = await leader.GetFromJsonAsync<JsonElement[]>($"{Cell}/diff");
        await Act(leader, "approve");
        var last = feed.GetProperty("last").GetInt64();
        var more = await leader.GetFromJsonAsync<JsonElement>($"/api/workflow/approved?after={last}");
        var inbox = await leader.GetFromJsonAsync<JsonElement[]>("/api/workflow/submissions?state=Approved&period=202610");

        Assert.Equal(HttpStatusCode.Forbidden, leaderCannotSubmit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lockedEdit.StatusCode);
        Assert.Equal(BaoCao.Forms.Contracts.FormsErrorCodes.EntryClosed, (await lockedEdit.ReadProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.Forbidden, officerCannotApprove.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, returnWithoutReason.StatusCode);
        Assert.Equal(("Returned", "Thu xuất nhập khẩu chưa khớp số liệu Hải quan."), (returned.GetProperty("state").GetString(), returned.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.OK, fixedEdit.StatusCode);
        Assert.Contains(firstDiff!, c => c.GetProperty("indicator").GetString() == "THU_XNK" && c.GetProperty("approved").ValueKind == JsonValueKind.Null);
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(firstDiff!.Length, items.Count);
        Assert.Equal(items.Select(i => i.GetProperty("sequence").GetInt64()).Order(), items.Select(i => i.GetProperty("sequence").GetInt64()));
        Assert.Contains(items, i => i.GetProperty("indicator").GetString() == "THU_XNK" && i.GetProperty("value").GetDecimal() == 200);
        Assert.Equal(HttpStatusCode.Conflict, approveAgain.StatusCode);
        Assert.Equal(BaoCao.Workflow.Contracts.WorkflowErrorCodes.AlreadyDecided, (await approveAgain.ReadProblemAsync()).Code);
        Assert.Equal(["THU_DAT"], secondDiff!.Select(c => c.GetProperty("indicator").GetString()));
        Assert.Equal(1, more.GetProperty("items").GetArrayLength());
        Assert.True(more.GetProperty("items")[0].GetProperty("sequence").GetInt64() > last);
        Assert.Equal(350m, more.GetProperty("items")[0].GetProperty("value").GetDecimal());
        Assert.Equal(2, more.GetProperty("items")[0].GetProperty("approval").GetInt32());
        Assert.Single(inbox!);
    }

    [Fact]
    public async Task Missing_required_cells_and_failed_high_checks_stop_a_submission_with_the_reasons()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202611", values = new[] { new { indicator = "THU_NOI_DIA", value = 100 } } });

        var empty = await officer.PostAsJsonAsync("/api/workflow/submissions/BM-TC-THANG/STC/202611/submit", new { });
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202611", values = new[] { new { indicator = "THU_NSNN", value = 90 } } });
        var inconsistent = await officer.PostAsJsonAsync("/api/workflow/submissions/BM-TC-THANG/STC/202611/submit", new { });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Chưa nhập chỉ tiêu bắt buộc", (await empty.ReadProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, inconsistent.StatusCode);
        Assert.Contains("Thu nội địa không được lớn hơn", (await inconsistent.ReadProblemAsync()).Detail);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_leaders_deciding_at_the_same_moment_exactly_one_wins(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");
        for (var round = 0; round < 8; round++)
        {
            var period = $"2026{round + 1:00}";
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/workflow/submissions/BM-TC-THANG/STC/{period}/submit", new { })).StatusCode);
            var outcomes = await Task.WhenAll(
                leader.PostAsJsonAsync($"/api/workflow/submissions/BM-TC-THANG/STC/{period}/approve", new { }),
                admin.PostAsJsonAsync($"/api/workflow/submissions/BM-TC-THANG/STC/{period}/return", new { reason = "Xem lại" }));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], outcomes.Select(o => o.StatusCode).Order());
        }
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.GetRawText());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Altering_inserting_or_deleting_an_audit_entry_in_the_database_is_found_and_named(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        app.Clock.Advance(TimeSpan.FromTicks(1_234_567)); // a real clock's 100 ns ticks, which PostgreSQL does not keep
        var officer = await app.SignedInAsAsync("canbo.stc");
        var admin = await app.SignedInAsAsync("admin");
        await officer.PostAsJsonAsync($"{Cell}/submit", new { });
        await admin.PostAsJsonAsync($"{Cell}/return", new { reason = "Thiếu thuyết minh" });
        await officer.PostAsJsonAsync($"{Cell}/submit", new { });
        await admin.PostAsJsonAsync($"{Cell}/approve", new { });
        async Task<JsonElement> Verify() => await admin.GetFromJsonAsync<JsonElement>("/api/workflow/audit/verify");
        Task Tamper(Func<WorkflowDbContext, Task> change) => app.InScopeAsync(async sp => await change(sp.GetRequiredService<WorkflowDbContext>()));

        var intact = await Verify();
        var entries = intact.GetProperty("entries").GetInt64();
        var (intactCode, intactSays) = await VerifyFromCommandLineAsync(app.Database);
        // A forged entry appended with a correct hash chain: only the counter of written entries betrays it.
        await Tamper(async db =>
        {
            var last = await db.Audit.SingleAsync(e => e.Id == entries);
            db.Audit.Add(new AuditEntry(entries + 1, last.At, "ke.gia.mao", null, "submission.approve", "BM-TC-THANG/STC/202610", "Submitted", "Approved", last.Hash));
            await db.SaveChangesAsync();
        });
        var inserted = await Verify();
        await Tamper(db => db.Audit.Where(e => e.Id == entries + 1).ExecuteDeleteAsync());
        await Tamper(db => db.Audit.Where(e => e.Id == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.After, "Approved")));
        var altered = await Verify();
        var (alteredCode, alteredSays) = await VerifyFromCommandLineAsync(app.Database);
        await Tamper(db => db.Audit.Where(e => e.Id == 2).ExecuteDeleteAsync());
        var deleted = await Verify();
        await Tamper(db => db.Audit.Where(e => e.Id == entries).ExecuteDeleteAsync());
        var withoutLast = await Verify();

        Assert.True(intact.GetProperty("valid").GetBoolean());
        Assert.True(entries >= 4);
        Assert.Equal((false, entries + 1), (inserted.GetProperty("valid").GetBoolean(), inserted.GetProperty("firstBrokenAt").GetInt64()));
        Assert.Equal((false, 2), (altered.GetProperty("valid").GetBoolean(), altered.GetProperty("firstBrokenAt").GetInt64()));
        Assert.Equal((false, 3), (deleted.GetProperty("valid").GetBoolean(), deleted.GetProperty("firstBrokenAt").GetInt64()));
        Assert.False(withoutLast.GetProperty("valid").GetBoolean());
        Assert.Equal(0, intactCode);
        Assert.Contains($"Nhật ký nguyên vẹn: {entries:N0} dòng", intactSays);
        Assert.Equal(3, alteredCode);
        Assert.Contains("NHẬT KÝ BỊ CAN THIỆP: dòng đầu tiên không khớp là dòng số 2", alteredSays);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/workflow/audit/verify")).StatusCode);
    }

    /// <summary>Runs the command-line check (<c>BaoCao.Web verify-audit</c>) as an operator would, beside the running app.</summary>
    private static async Task<(int ExitCode, string Output)> VerifyFromCommandLineAsync(TestDatabase database)
    {
        await using var host = new ServerProcess(database, new Dictionary<string, string?>());
        return await host.RunCommandAsync("verify-audit");
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_saved_value_change_reaches_the_audit_trail_with_who_when_and_before_after(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var admin = await app.SignedInAsAsync("admin");
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202611", values = new[] { new { indicator = "THU_DAT", value = 310.5m } } });
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202611", values = new[] { new { indicator = "THU_DAT", value = 312m, comment = "Điều chỉnh theo Kho bạc" } } });

        JsonElement[] entries = [];
        await Eventually.TrueAsync(async () =>
        {
            entries = (await admin.GetFromJsonAsync<JsonElement[]>("/api/workflow/audit?subject=BM-TC-THANG/STC/202611/THU_DAT"))!;
            return entries.Length >= 2;
        }, "the outbox delivers both saves to the audit trail");
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/workflow/audit/verify");

        Assert.Equal(("canbo.stc", "value.api"), (entries[0].GetProperty("by").GetString(), entries[0].GetProperty("kind").GetString()));
        Assert.Equal(("310.5", "312 · Điều chỉnh theo Kho bạc"), (entries[0].GetProperty("before").GetString(), entries[0].GetProperty("after").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("before").ValueKind);
        Assert.True(verify.GetProperty("valid").GetBoolean());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_return_and_an_approval_notify_the_submitter_in_the_app_and_by_email(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await BaoCaoApp.StartAsync(database, smtp.Settings);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");

        await officer.PostAsync($"{Cell}/submit", null);
        await leader.PostAsJsonAsync($"{Cell}/return", new { reason = "Thu xuất nhập khẩu chưa khớp số liệu Hải quan." });
        var mail = await smtp.WaitForMessageToAsync("canbo.stc@ninhbinh.gov.vn");
        await officer.PostAsync($"{Cell}/submit", null);
        await leader.PostAsync($"{Cell}/approve", null);
        await Eventually.TrueAsync(async () => smtp.Messages.Count == 2, "the approval's e-mail arrives");
        var inbox = await officer.GetFromJsonAsync<JsonElement[]>("/api/workflow/notifications?unread=true");
        var leaderInbox = await leader.GetFromJsonAsync<JsonElement[]>("/api/workflow/notifications");
        var othersRead = await leader.PostAsync($"/api/workflow/notifications/{inbox![0].GetProperty("id").GetString()}/read", null);
        var read = await officer.PostAsync("/api/workflow/notifications/read-all", null);
        var unreadAfter = await officer.GetFromJsonAsync<JsonElement[]>("/api/workflow/notifications?unread=true");

        Assert.Equal("[BaoCao] Số liệu BM-TC-THANG kỳ 202610 của STC: bị trả lại", mail.Subject);
        Assert.Contains("Lý do: Thu xuất nhập khẩu chưa khớp số liệu Hải quan.", mail.TextBody);
        Assert.Contains("/duyet-so-lieu/BM-TC-THANG/STC/202610", mail.TextBody);
        Assert.Equal(2, inbox!.Length);
        Assert.Contains("đã duyệt", inbox[0].GetProperty("title").GetString());
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement[]>("/api/workflow/notifications"))!.All(n => n.GetProperty("emailStatus").GetString() == "Sent"),
            "both notifications record their e-mail as sent");
        Assert.Empty(leaderInbox!);
        Assert.Equal(HttpStatusCode.NotFound, othersRead.StatusCode); // someone else's notification is not found among mine
        Assert.Equal(2, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Empty(unreadAfter!);
    }

    [Fact]
    public async Task The_approver_previews_then_approves_several_submissions_and_one_taken_meanwhile_is_reported_not_lost()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");
        foreach (var period in new[] { "202608", "202609", "202610" })
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/workflow/submissions/BM-TC-THANG/STC/{period}/submit", null)).StatusCode);
        object Items(bool preview, params string[] periods) => new { preview, items = periods.Select(p => new { formCode = "BM-TC-THANG", unitCode = "STC", period = p }).ToArray() };
        var foreignItems = new { items = new[] { new { formCode = "BM-CT-THANG", unitCode = "SCT", period = "202610" } } };

        var preview = await (await leader.PostAsJsonAsync("/api/workflow/submissions/approve-many", Items(true, "202608", "202609", "202610"))).Content.ReadFromJsonAsync<JsonElement[]>();
        var stateAfterPreview = await leader.GetFromJsonAsync<JsonElement[]>("/api/workflow/submissions?state=Approved");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202609/approve", null)).StatusCode);
        var approved = await (await leader.PostAsJsonAsync("/api/workflow/submissions/approve-many", Items(false, "202608", "202609", "202610"))).Content.ReadFromJsonAsync<JsonElement[]>();
        var foreign = await (await leader.PostAsJsonAsync("/api/workflow/submissions/approve-many", foreignItems)).Content.ReadFromJsonAsync<JsonElement[]>();
        var empty = await leader.PostAsJsonAsync("/api/workflow/submissions/approve-many", new { items = Array.Empty<object>() });

        Assert.All(preview!, p => Assert.True(p.GetProperty("done").GetBoolean()));
        Assert.All(preview!, p => Assert.True(p.GetProperty("changedCells").GetInt32() > 0));
        Assert.Empty(stateAfterPreview!);
        Assert.Equal([true, false, true], approved!.Select(a => a.GetProperty("done").GetBoolean()));
        Assert.Contains("Không thể duyệt", approved![1].GetProperty("message").GetString());
        Assert.False(foreign![0].GetProperty("done").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(3, (await leader.GetFromJsonAsync<JsonElement[]>("/api/workflow/submissions?state=Approved"))!.Length);
    }

    [Fact]
    public async Task Officer_and_leader_discuss_a_submission_and_a_stranger_can_neither_read_nor_write()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var stranger = await app.SignedInAsAsync("canbo.sct");
        await officer.PostAsync($"{Cell}/submit", null);

        var asked = await leader.PostAsJsonAsync($"{Cell}/comments", new { text = "Vì sao thu tiền sử dụng đất giảm mạnh?" });
        var answered = await officer.PostAsJsonAsync($"{Cell}/comments", new { text = "Chưa đến kỳ đấu giá đất quý IV." });
        var blank = await officer.PostAsJsonAsync($"{Cell}/comments", new { text = "  " });
        var thread = await officer.GetFromJsonAsync<JsonElement[]>($"{Cell}/comments");
        var strangerReads = await stranger.GetAsync($"{Cell}/comments");
        var strangerWrites = await stranger.PostAsJsonAsync($"{Cell}/comments", new { text = "?" });
        var officerNotified = await officer.GetFromJsonAsync<JsonElement[]>("/api/workflow/notifications");

        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(["lanhdao.stc", "canbo.stc"], thread!.Select(c => c.GetProperty("by").GetString()!));
        Assert.Equal(HttpStatusCode.Forbidden, strangerReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerWrites.StatusCode);
        Assert.Contains(officerNotified!, n => n.GetProperty("body").GetString()!.Contains("Vì sao thu tiền sử dụng đất giảm mạnh?"));
        Assert.DoesNotContain(officerNotified!, n => n.GetProperty("body").GetString()!.Contains("Chưa đến kỳ đấu giá")); // not told of their own words
    }
}
