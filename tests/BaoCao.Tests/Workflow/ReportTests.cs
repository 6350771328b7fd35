using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using BaoCao.Workflow.Domain;

namespace BaoCao.Tests.Workflow;

public sealed class ReportTests
{
    private const string Report = "/api/workflow/reports/BC-KTXH-THANG/STC/202610";

    [Fact]
    public void The_report_state_machine_allows_exactly_its_eight_transitions()
    {
        var allowed = new HashSet<(ReportState, ReportAction)>
        {
            (ReportState.Draft, ReportAction.Submit), (ReportState.Returned, ReportAction.Submit), (ReportState.Rejected, ReportAction.Submit),
            (ReportState.Submitted, ReportAction.Approve), (ReportState.Submitted, ReportAction.Return), (ReportState.Approved, ReportAction.Send),
            (ReportState.Sent, ReportAction.Receive), (ReportState.Sent, ReportAction.Reject),
        };
        foreach (var state in Enum.GetValues<ReportState>())
        {
            foreach (var action in Enum.GetValues<ReportAction>())
                Assert.Equal(allowed.Contains((state, action)), ReportStateMachine.Apply(state, action).Next is not null);
        }
        Assert.Equal([ReportState.Draft, ReportState.Returned, ReportState.Rejected], Enum.GetValues<ReportState>().Where(ReportStateMachine.AllowsEditing));
    }

    /// <summary>The officer's form data for October is approved, so the report's table has figures to show.</summary>
    private static async Task ApproveOctoberAsync(HttpClient officer, HttpClient leader)
    {
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/workflow/submissions/BM-TC-THANG/STC/202610/approve", null)).StatusCode);
    }

    private static object Narrative(string first, string second, long version) => new
    {
        sections = new[]
        {
            new { heading = "I. Tình hình kinh tế - xã hội trong tháng", html = first },
            new { heading = "II. Khó khăn, vướng mắc", html = second },
        },
        version,
    };

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_is_written_approved_sent_late_and_received_with_its_table_frozen_from_approved_data(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await ScopeTests.AsAsync(app, "canbo.stc");
        var leader = await ScopeTests.AsAsync(app, "lanhdao.stc");
        var receiver = await ScopeTests.AsAsync(app, "admin");
        var stranger = await ScopeTests.AsAsync(app, "lanhdao.sct");
        await ApproveOctoberAsync(officer, leader);

        var started = await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" });
        var draft = await started.Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        var foreign = await stranger.GetAsync(Report);
        var notReporting = await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-XH-QUY", unitCode = "STC", period = "2026Q3" });
        var receiverBeforeSending = await receiver.GetAsync("/api/workflow/reports?incoming=true");
        var headings = draft.GetProperty("narrative").EnumerateArray().Select(s => s.GetProperty("heading").GetString()).ToList();
        var emptySubmit = await officer.PostAsync($"{Report}/submit", null);
        var written = await officer.PutAsJsonAsync($"{Report}/narrative", new
        {
            sections = headings.Select((h, i) => new { heading = h, html = i == 0
                ? "<p>Thu ngân sách <strong>tăng</strong> so với cùng kỳ.<script>alert('x')</script></p><p onclick=\"steal()\">Chi <a href=\"javascript:alert(1)\">thường xuyên</a> đúng dự toán.</p>"
                : "<ul><li>Không có</li></ul>" }).ToArray(),
            version = draft.GetProperty("version").GetInt64(),
        });
        var afterWrite = await written.Content.ReadFromJsonAsync<JsonElement>();
        var staleWrite = await officer.PutAsJsonAsync($"{Report}/narrative", new { sections = new[] { new { heading = "I", html = "x" } }, version = draft.GetProperty("version").GetInt64() });
        var submitted = await (await officer.PostAsync($"{Report}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        var lockedWrite = await officer.PutAsJsonAsync($"{Report}/narrative", new { sections = new[] { new { heading = "I", html = "x" } }, version = submitted.GetProperty("version").GetInt64() });
        var officerApproves = await officer.PostAsync($"{Report}/approve", null);
        var returnWithoutReason = await leader.PostAsJsonAsync($"{Report}/return", new { reason = "" });
        var returned = await (await leader.PostAsJsonAsync($"{Report}/return", new { reason = "Bổ sung đánh giá thu nội địa." })).Content.ReadFromJsonAsync<JsonElement>();
        await officer.PostAsync($"{Report}/submit", null);
        var approved = await (await leader.PostAsync($"{Report}/approve", null)).Content.ReadFromJsonAsync<JsonElement>();
        var strangerReceives = await stranger.PostAsync($"{Report}/receive", null);
        var receivedBeforeSent = await receiver.PostAsync($"{Report}/receive", null);
        var sent = await (await officer.PostAsync($"{Report}/send", null)).Content.ReadFromJsonAsync<JsonElement>();
        var incoming = await receiver.GetFromJsonAsync<JsonElement[]>("/api/workflow/reports?incoming=true");
        var received = await (await receiver.PostAsync($"{Report}/receive", null)).Content.ReadFromJsonAsync<JsonElement>();
        var board = await receiver.GetFromJsonAsync<JsonElement>("/api/workflow/reports/tracking?regimeCode=BC-KTXH-THANG&period=202610");
        var strangerBoard = await stranger.GetAsync("/api/workflow/reports/tracking?regimeCode=BC-KTXH-THANG&period=202610");
        var trail = await receiver.GetFromJsonAsync<JsonElement[]>("/api/workflow/audit?subject=BC-KTXH-THANG/STC/202610");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(("Draft", false), (draft.GetProperty("state").GetString(), draft.GetProperty("tablesFrozen").GetBoolean()));
        Assert.Equal(draft.GetProperty("createdAt").GetDateTimeOffset(), again.GetProperty("createdAt").GetDateTimeOffset());
        var revenue = draft.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("rows").EnumerateArray()).First(r => r.GetProperty("indicator").GetString() == "THU_NSNN");
        Assert.True(revenue.GetProperty("values")[0].GetDecimal() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notReporting.StatusCode);
        Assert.Empty((await receiverBeforeSending.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal(HttpStatusCode.BadRequest, emptySubmit.StatusCode);
        Assert.Contains("chưa có nội dung", (await emptySubmit.ReadProblemAsync()).Errors!["narrative"][0]);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var html = afterWrite.GetProperty("narrative")[0].GetProperty("html").GetString()!;
        Assert.Contains("<strong>tăng</strong>", html);
        Assert.DoesNotContain("script", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("javascript", html);
        Assert.Contains("thường xuyên", html);
        Assert.Equal(HttpStatusCode.Conflict, staleWrite.StatusCode);
        Assert.Equal(("Submitted", true), (submitted.GetProperty("state").GetString(), submitted.GetProperty("tablesFrozen").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, lockedWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerApproves.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, returnWithoutReason.StatusCode);
        Assert.Equal(("Returned", "Bổ sung đánh giá thu nội địa."), (returned.GetProperty("state").GetString(), returned.GetProperty("reason").GetString()));
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, strangerReceives.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, receivedBeforeSent.StatusCode);
        // October's report was due on 20 November 2026; the test clock says 27 November.
        Assert.Equal(("Sent", true), (sent.GetProperty("state").GetString(), sent.GetProperty("late").GetBoolean()));
        Assert.Contains(incoming!, r => r.GetProperty("unitCode").GetString() == "STC");
        Assert.Empty(received.GetProperty("actions").EnumerateArray());
        Assert.Equal("Received", received.GetProperty("state").GetString());
        Assert.Equal((4, 1, 0, 1, 3), (board.GetProperty("expected").GetInt32(), board.GetProperty("sent").GetInt32(), board.GetProperty("onTime").GetInt32(),
            board.GetProperty("late").GetInt32(), board.GetProperty("notSent").GetInt32()));
        Assert.Equal("NotStarted", board.GetProperty("units")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, strangerBoard.StatusCode);
        var kinds = trail!.OrderBy(e => e.GetProperty("id").GetInt64()).Select(e => e.GetProperty("kind").GetString()!).Where(k => k.StartsWith("report.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["report.start", "report.submit", "report.return", "report.submit", "report.approve", "report.send", "report.receive"], kinds.Where(k => k != "report.narrative"));
        Assert.Equal(headings.Count, kinds.Count(k => k == "report.narrative")); // one entry per section written
    }
}
