using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using BaoCao.Workflow.Contracts;
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

    /// <summary>Submits and approves the data of every form the started report's table part still waits for (a report is
    /// not submitted before), entering <paramref name="values"/> first where given.</summary>
    internal static async Task ApproveTableDataAsync(HttpClient officer, HttpClient leader, string reportPath, params (string Indicator, decimal Value)[] values)
    {
        var view = await officer.GetFromJsonAsync<JsonElement>(reportPath);
        foreach (var missing in view.GetProperty("missingApprovals").EnumerateArray())
        {
            if (values.Length > 0)
            {
                var saved = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = missing.GetProperty("formCode").GetString(), unitCode = missing.GetProperty("unitCode").GetString(),
                    period = missing.GetProperty("period").GetString(), values = values.Select(v => new { indicator = v.Indicator, value = v.Value }).ToArray() });
                Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            }
            var submission = $"/api/workflow/submissions/{missing.GetProperty("formCode").GetString()}/{missing.GetProperty("unitCode").GetString()}/{missing.GetProperty("period").GetString()}";
            var submitted = await officer.PostAsync($"{submission}/submit", null);
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"{submission}/approve", null)).StatusCode);
        }
    }

    /// <summary>October's data approved, the officer starts the report: the officer, the draft and its headings.</summary>
    internal static async Task<(HttpClient Officer, JsonElement Draft, List<string?> Headings)> StartApprovedOctoberReportAsync(BaoCaoApp app)
    {
        var officer = await app.SignedInAsAsync("canbo.stc");
        await ApproveOctoberAsync(officer, await app.SignedInAsAsync("lanhdao.stc"));
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        return (officer, draft, [.. draft.GetProperty("narrative").EnumerateArray().Select(s => s.GetProperty("heading").GetString())]);
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
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var receiver = await app.SignedInAsAsync("admin");
        var stranger = await app.SignedInAsAsync("lanhdao.sct");
        await ApproveOctoberAsync(officer, leader);

        var started = await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" });
        var draft = await started.Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        var foreign = await stranger.GetAsync(Report);
        var notReporting = await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-XH-QUY", unitCode = "STC", period = "2026Q3" });
        var receiverBeforeSending = await receiver.GetAsync("/api/workflow/reports?incoming=true&period=202610"); // the demo's own reports are November's
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
        var incoming = await receiver.GetFromJsonAsync<JsonElement[]>("/api/workflow/reports?incoming=true&period=202610");
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
        Assert.Equal(BaoCao.SharedKernel.Results.ErrorCodes.ConcurrentChange, (await staleWrite.ReadProblemAsync()).Code);
        Assert.Equal(("Submitted", true), (submitted.GetProperty("state").GetString(), submitted.GetProperty("tablesFrozen").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, lockedWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerApproves.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, returnWithoutReason.StatusCode);
        Assert.Equal(("Returned", "Bổ sung đánh giá thu nội địa."), (returned.GetProperty("state").GetString(), returned.GetProperty("reason").GetString()));
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, strangerReceives.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, receivedBeforeSent.StatusCode);
        Assert.Equal(BaoCao.Workflow.Contracts.WorkflowErrorCodes.AlreadyDecided, (await receivedBeforeSent.ReadProblemAsync()).Code);
        // October's report was due on 20 October 2026 (day 20 of the period's last month); the test clock says 27 November.
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

    /// <summary>A report whose table part lacks approved data used to be submitted and frozen empty: it is refused with the
    /// forms still unapproved; a regime may allow it, and then only with the officer's confirmation and a visible mark.</summary>
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_whose_table_lacks_approved_data_is_refused_naming_the_forms_unless_the_regime_allows_it_once_confirmed(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        var headings = draft.GetProperty("narrative").EnumerateArray().Select(s => s.GetProperty("heading").GetString()).ToList();
        var written = await (await officer.PutAsJsonAsync($"{Report}/narrative", new
        {
            sections = headings.Select(h => new { heading = h, html = "<p>Không có.</p>" }).ToArray(),
            version = draft.GetProperty("version").GetInt64(),
        })).Content.ReadFromJsonAsync<JsonElement>();

        var refused = await officer.PostAsync($"{Report}/submit", null);
        var confirmedAnyway = await officer.PostAsJsonAsync($"{Report}/submit", new { confirmIncomplete = true }); // the regime does not allow it
        var stillDraft = await officer.GetFromJsonAsync<JsonElement>(Report);
        var regime = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/regimes/BC-KTXH-THANG"))!.AsObject();
        regime["allowIncompleteReportTable"] = true;
        var amended = await admin.PutAsJsonAsync("/api/regimes/BC-KTXH-THANG", regime);
        var unconfirmed = await officer.PostAsync($"{Report}/submit", null);
        var incomplete = await officer.PostAsJsonAsync($"{Report}/submit", new { confirmIncomplete = true });
        var submitted = await incomplete.Content.ReadFromJsonAsync<JsonElement>();
        var workbook = BaoCao.SharedKernel.Files.OfficeFiles.ReadXlsx(new MemoryStream(await officer.GetByteArrayAsync($"{Report}/export?format=xlsx")))!;
        var trail = await admin.GetFromJsonAsync<JsonElement[]>("/api/workflow/audit?subject=BC-KTXH-THANG/STC/202610");
        await leader.PostAsJsonAsync($"{Report}/return", new { reason = "Chờ số liệu tháng 10 được duyệt." });
        await ApproveOctoberAsync(officer, leader);
        var complete = await (await officer.PostAsync($"{Report}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();

        var missing = Assert.Single(written.GetProperty("missingApprovals").EnumerateArray());
        Assert.Equal(("BM-TC-THANG", "STC", "202610"), (missing.GetProperty("formCode").GetString(), missing.GetProperty("unitCode").GetString(), missing.GetProperty("period").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadProblemAsync()).Errors!;
        var line = Assert.Single(errors["tables"]);
        Assert.Contains(missing.GetProperty("formName").GetString()!, line);
        Assert.Contains("Sở Tài chính, kỳ 202610", line);
        Assert.Equal(HttpStatusCode.BadRequest, confirmedAnyway.StatusCode);
        Assert.Equal(("Draft", false), (stillDraft.GetProperty("state").GetString(), stillDraft.GetProperty("incomplete").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("xác nhận", (await unconfirmed.ReadProblemAsync()).Errors!["confirmIncomplete"][0]);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Equal(("Submitted", true, 1), (submitted.GetProperty("state").GetString(), submitted.GetProperty("incomplete").GetBoolean(),
            submitted.GetProperty("missingApprovals").GetArrayLength()));
        Assert.Contains(workbook.SelectMany(s => s.Cells), c => c.Text?.StartsWith("SỐ LIỆU CHƯA ĐẦY ĐỦ", StringComparison.Ordinal) == true && c.Text.Contains("Sở Tài chính"));
        Assert.Contains(trail!, e => e.GetProperty("kind").GetString() == "report.submit" && e.GetProperty("after").GetString()!.Contains("số liệu chưa đầy đủ"));
        Assert.Equal(("Submitted", false, 0), (complete.GetProperty("state").GetString(), complete.GetProperty("incomplete").GetBoolean(),
            complete.GetProperty("missingApprovals").GetArrayLength()));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_roll_up_combines_sub_units_by_sum_average_weighted_average_and_last_value_over_the_year(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-TONG-HOP-STC", name = "Báo cáo tổng hợp của Sở Tài chính", content = "Tổng hợp số liệu các phòng.", kind = "Periodic", frequency = "Month",
            reportingUnits = new[] { "STC", "STC-NS", "STC-DT" }, receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo",
            outline = new[] { new { title = "I. Đánh giá" } },
        })).StatusCode);
        var rows = new[] { "THU_NSNN", "TL_LAP_DAY_KCN", "TL_CHE_PHU_RUNG", "DT_TU_NHIEN" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/forms", new
        {
            code = "BM-TONG-HOP", name = "Biểu tổng hợp", regimeCode = "BC-TONG-HOP-STC", ownerUnit = "VP-UBND",
            layout = new { sections = new[] { new { title = "Phần I", rows = rows.Select(r => new { indicator = r, required = false }).ToArray() } }, columns = new[] { "current", "ytd" } },
        })).StatusCode);
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-TONG-HOP")).GetProperty("concurrencyVersion").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-TONG-HOP/publish", new { effectiveFrom = "2026-01-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-TONG-HOP/assignments", new { units = new[] { "STC", "STC-NS", "STC-DT" }, from = "2026-01-01" })).StatusCode);
        foreach (var unit in new[] { "STC-NS", "STC-DT" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/accounts/canbo.stc/grants", new { role = "DataEntry", unitCode = unit })).StatusCode);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        async Task ApproveAsync(string unit, string period, params (string Indicator, decimal Value)[] values)
        {
            var saved = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TONG-HOP", unitCode = unit, period, values = values.Select(v => new { indicator = v.Indicator, value = v.Value }).ToArray() });
            Assert.Equal(values.Length, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/workflow/submissions/BM-TONG-HOP/{unit}/{period}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"/api/workflow/submissions/BM-TONG-HOP/{unit}/{period}/approve", null)).StatusCode);
        }
        await ApproveAsync("STC-NS", "202601", ("THU_NSNN", 100), ("TL_LAP_DAY_KCN", 40));
        await ApproveAsync("STC-DT", "202601", ("THU_NSNN", 30));
        await ApproveAsync("STC-NS", "202602", ("THU_NSNN", 50), ("TL_LAP_DAY_KCN", 60), ("TL_CHE_PHU_RUNG", 20), ("DT_TU_NHIEN", 300));
        await ApproveAsync("STC-DT", "202602", ("THU_NSNN", 70), ("TL_LAP_DAY_KCN", 80), ("TL_CHE_PHU_RUNG", 40), ("DT_TU_NHIEN", 100));

        var rolled = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-TONG-HOP-STC", unitCode = "STC", period = "202602", source = "SubUnits" })).Content.ReadFromJsonAsync<JsonElement>();
        var own = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-TONG-HOP-STC", unitCode = "STC-NS", period = "202602" })).Content.ReadFromJsonAsync<JsonElement>();
        static Dictionary<string, (decimal? Current, decimal? YearToDate)> Table(JsonElement report) =>
            report.GetProperty("tables")[0].GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("indicator").GetString()!, r =>
            {
                decimal? At(int i) => r.GetProperty("values")[i].ValueKind == JsonValueKind.Null ? null : r.GetProperty("values")[i].GetDecimal();
                return (At(0), At(1));
            });

        var table = Table(rolled);
        Assert.Equal((120m, 250m), table["THU_NSNN"]);                // sum across units; sum over Jan + Feb (130 + 120)
        Assert.Equal((70m, 70m), table["TL_LAP_DAY_KCN"]);            // average across units; last value over time
        Assert.Equal(25m, table["TL_CHE_PHU_RUNG"].Current);          // (20 × 300 + 40 × 100) / 400, weighted by natural area
        Assert.Equal((400m, 400m), table["DT_TU_NHIEN"]);
        Assert.Contains("2/2", rolled.GetProperty("tables")[0].GetProperty("notes")[0].GetString());
        Assert.Equal((50m, 150m), Table(own)["THU_NSNN"]);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_size_kept_with_a_checksum_and_frozen_with_the_report()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var stranger = await app.SignedInAsAsync("canbo.sct");
        await ApproveOctoberAsync(officer, await app.SignedInAsAsync("lanhdao.stc"));
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-KTXH-THANG", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        Task<HttpResponseMessage> Upload(HttpClient who, string name, byte[] content)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
            return who.PostAsync($"{Report}/attachments", form);
        }
        byte[] pdf = [.. "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8];

        var stored = await Upload(officer, "../../etc/Báo cáo\r\nsố 12.pdf", pdf);
        var file = await stored.Content.ReadFromJsonAsync<JsonElement>();
        var renamed = await Upload(officer, "anh.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        var program = await Upload(officer, "setup.exe", [0x4D, 0x5A, 0x90, 0x00]);
        var huge = await Upload(officer, "lon.pdf", [.. pdf, .. new byte[21 * 1024 * 1024]]);
        var foreign = await Upload(stranger, "x.pdf", pdf);
        var download = await officer.GetAsync($"{Report}/attachments/{file.GetProperty("id").GetString()}");
        var foreignDownload = await stranger.GetAsync($"{Report}/attachments/{file.GetProperty("id").GetString()}");
        var headings = draft.GetProperty("narrative").EnumerateArray().Select(s => s.GetProperty("heading").GetString()).ToList();
        var written = await (await officer.PutAsJsonAsync($"{Report}/narrative", new { sections = headings.Select(h => new { heading = h, html = "<p>Không có</p>" }).ToArray(),
            version = draft.GetProperty("version").GetInt64() })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Report}/submit", null)).StatusCode);
        var afterSubmit = await Upload(officer, "sau.pdf", pdf);
        var removeAfterSubmit = await officer.DeleteAsync($"{Report}/attachments/{file.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal("Báo cáo số 12.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("không phải tệp .pdf", (await renamed.ReadProblemAsync()).Errors!["file"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{huge.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Forbidden, foreignDownload.StatusCode);
        Assert.Single(written.GetProperty("attachments").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, afterSubmit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removeAfterSubmit.StatusCode);
    }

    [LibreOfficeFact]
    public async Task The_docx_and_xlsx_exports_open_in_LibreOffice_with_the_narrative_and_the_figures()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var (officer, draft, headings) = await StartApprovedOctoberReportAsync(app);
        await officer.PutAsJsonAsync($"{Report}/narrative", new
        {
            sections = headings.Select((h, i) => new { heading = h, html = i == 0 ? "<p>Thu ngân sách đạt khá.</p><ul><li>Thu nội địa tăng.</li></ul>" : "<p>Không có</p>" }).ToArray(),
            version = draft.GetProperty("version").GetInt64(),
        });
        var revenue = draft.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("rows").EnumerateArray())
            .First(r => r.GetProperty("indicator").GetString() == "THU_NSNN").GetProperty("values")[0].GetDecimal();

        var text = string.Join("\n", await LibreOffice.ToTextAsync(await officer.GetByteArrayAsync($"{Report}/export?format=docx")));
        var csv = await LibreOffice.ToCsvAsync(await officer.GetByteArrayAsync($"{Report}/export?format=xlsx"));
        var badFormat = await officer.GetAsync($"{Report}/export?format=pdf");

        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Thu ngân sách đạt khá.", text);
        Assert.Contains("– Thu nội địa tăng.", text);
        Assert.Contains(headings[0]!, text);
        Assert.Contains(revenue.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), text);
        var row = csv.Single(l => l.StartsWith("\"THU_NSNN\",", StringComparison.Ordinal));
        Assert.Equal(revenue, decimal.Parse(row.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(csv, l => l.StartsWith("\"KNXK\"", StringComparison.Ordinal)); // the trade form is the Department of Industry and Trade's, not Finance's
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    /// <summary>What the browser's editor writes — loose text before, between and after blocks, line breaks, bold in a list
    /// item, a paragraph in a list item, a table — reaches the .docx (read by python-docx and LibreOffice) and the .xlsx
    /// whole and in order; "Không có." followed by Enter is text, so the report may be submitted.</summary>
    [PythonDocxFact]
    public async Task Every_piece_of_narrative_text_on_the_page_reaches_the_docx_and_xlsx_which_python_docx_and_LibreOffice_read()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var (officer, draft, headings) = await StartApprovedOctoberReportAsync(app);
        const string Mixed = "Mở đầu rời.<p>Đoạn một.</p><ul><li>Ý <strong>thứ nhất</strong></li><li><p>Ý thứ hai</p></li></ul>Giữa rời."
            + "<table><tbody><tr><td>Ô A</td><td>Ô B</td></tr></tbody></table>Dòng một<br>Dòng hai<div><br></div>Cuối cùng.";
        string[] expected = ["Mở đầu rời.", "Đoạn một.", "– Ý thứ nhất", "– Ý thứ hai", "Giữa rời.", "Ô A | Ô B", "Dòng một", "Dòng hai", "Cuối cùng."];
        var saved = await officer.PutAsJsonAsync($"{Report}/narrative", new
        {
            sections = headings.Select((h, i) => new { heading = h, html = i == 0 ? Mixed : "Không có.<div><br></div>" }).ToArray(),
            version = draft.GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var docx = await officer.GetByteArrayAsync($"{Report}/export?format=docx");
        var read = PythonDocx.Read(docx);
        var paragraphs = read.Paragraphs.Where(p => p.Length > 0).ToList();
        var first = paragraphs.IndexOf(headings[0]!);
        Assert.True(first >= 0, string.Join(" / ", paragraphs));
        Assert.Equal(expected, paragraphs.Skip(first + 1).Take(expected.Length));
        Assert.Equal("Không có.", paragraphs[paragraphs.IndexOf(headings[1]!) + 1]);
        var table = Assert.Single(read.Tables);
        Assert.Equal("Chỉ tiêu", table[0][0]);
        Assert.Contains(table, row => row[0] == "Tổng thu ngân sách nhà nước trên địa bàn" && row.All(c => c is not null));
        Assert.Contains("Table Grid", read.Styles);
        Assert.Equal([11906L * 635, 16838L * 635], read.Page.Take(2)); // A4 in EMU
        var text = await LibreOffice.ToTextAsync(docx);
        foreach (var line in expected)
            Assert.Contains(line, text);

        var workbook = BaoCao.SharedKernel.Files.OfficeFiles.ReadXlsx(new MemoryStream(await officer.GetByteArrayAsync($"{Report}/export?format=xlsx")))!;
        var narrative = workbook.Single(s => s.Name == "Thuyết minh").Cells.Select(c => c.Text).ToList();
        var start = narrative.IndexOf(headings[0]);
        Assert.Equal(expected, narrative.Skip(start + 1).Take(expected.Length));

        var submitted = await officer.PostAsync($"{Report}/submit", null);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
    }
}
