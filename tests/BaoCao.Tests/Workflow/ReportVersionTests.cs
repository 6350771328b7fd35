using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Workflow;

/// <summary>A report's steps are kept as numbered, immutable versions: a return used to clear the frozen table and the next
/// save overwrote the narrative, so what the leader returned and the province received could not be shown again.</summary>
public sealed class ReportVersionTests
{
    private const string Report = "/api/workflow/reports/BC-KTXH-THANG/STC/202610";
    private const string Data = "/api/workflow/submissions/BM-TC-THANG/STC/202610";

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_step_keeps_a_version_that_reads_compares_and_exports_as_it_was(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var (officer, draft, headings) = await ReportTests.StartApprovedOctoberReportAsync(app);
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/accounts/canbo.sct/grants", new { role = "ReportReceiver", unitCode = "VP-UBND" })).StatusCode);
        var receiver = await app.SignedInAsAsync("canbo.sct"); // receives for the province office, nothing of the department's own
        var stranger = await app.SignedInAsAsync("lanhdao.sct");
        async Task<long> WriteAsync(string first, long version)
        {
            var saved = await officer.PutAsJsonAsync($"{Report}/narrative", new
            {
                sections = headings.Select((h, i) => new { heading = h, html = i == 0 ? first : "<p>Không có.</p>" }).ToArray(),
                version,
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            return (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        }
        static decimal? Revenue(JsonElement report) => report.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("rows").EnumerateArray())
            .First(r => r.GetProperty("indicator").GetString() == "THU_NSNN").GetProperty("values")[0].GetDecimal();

        await WriteAsync("<p>Thu ngân sách tăng so với cùng kỳ.</p><p>Chi thường xuyên đúng dự toán.</p>", draft.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Report}/submit", null)).StatusCode);
        var returned = await (await leader.PostAsJsonAsync($"{Report}/return", new { reason = "Cập nhật số thu sau đối chiếu Kho bạc." })).Content.ReadFromJsonAsync<JsonElement>();
        // The data is corrected after reconciliation and the narrative rewritten: the returned version must not change.
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"{Data}/reopen", new { reason = "Đối chiếu Kho bạc." })).StatusCode);
        var before = Revenue(await officer.GetFromJsonAsync<JsonElement>(Report));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610",
            values = new[] { new { indicator = "THU_NSNN", value = before!.Value + 100 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Data}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"{Data}/approve", null)).StatusCode);
        await WriteAsync("<p>Thu ngân sách tăng mạnh so với cùng kỳ.</p><p>Chi thường xuyên đúng dự toán.</p><p>Đã đối chiếu với Kho bạc.</p>",
            returned.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Report}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"{Report}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{Report}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await receiver.PostAsJsonAsync($"{Report}/reject", new { reason = "Thiếu đánh giá chi đầu tư." })).StatusCode);

        var versions = (await leader.GetFromJsonAsync<JsonElement[]>($"{Report}/versions"))!;
        var first = await leader.GetFromJsonAsync<JsonElement>($"{Report}/versions/1");
        var second = await leader.GetFromJsonAsync<JsonElement>($"{Report}/versions/2");
        var sent = await receiver.GetFromJsonAsync<JsonElement>($"{Report}/versions/5");
        var diff = await leader.GetFromJsonAsync<JsonElement>($"{Report}/versions/1/compare/3");
        var receiverSees = await receiver.GetFromJsonAsync<JsonElement[]>($"{Report}/versions");
        var receiverInternal = await receiver.GetAsync($"{Report}/versions/2");
        var strangerList = await stranger.GetAsync($"{Report}/versions");
        var missing = await leader.GetAsync($"{Report}/versions/99");
        var firstWorkbook = BaoCao.SharedKernel.Files.OfficeFiles.ReadXlsx(new MemoryStream(await leader.GetByteArrayAsync($"{Report}/export?format=xlsx&version=1")))!;
        var current = await officer.GetFromJsonAsync<JsonElement>(Report);

        // Exactly the kept shape: {version, state, at, by, reason}.
        Assert.Equal([(1, "Submitted", "canbo.stc"), (2, "Returned", "lanhdao.stc"), (3, "Submitted", "canbo.stc"), (4, "Approved", "lanhdao.stc"),
            (5, "Sent", "canbo.stc"), (6, "Rejected", "canbo.sct")],
            versions!.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("state").GetString(), v.GetProperty("by").GetString())));
        Assert.Equal(["at", "by", "reason", "state", "version"], versions![0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Cập nhật số thu sau đối chiếu Kho bạc.", versions[1].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("reason").ValueKind);
        Assert.True(versions.Zip(versions.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() <= p.Second.GetProperty("at").GetDateTimeOffset()));
        // Version 2 is what was returned: the first narrative and the frozen table of the first submission.
        Assert.Equal(("Returned", true), (second.GetProperty("state").GetString(), second.GetProperty("tablesFrozen").GetBoolean()));
        Assert.Contains("Thu ngân sách tăng so với cùng kỳ.", second.GetProperty("narrative")[0].GetProperty("html").GetString());
        Assert.Equal(before, Revenue(second));
        Assert.Equal(before, Revenue(first));
        Assert.Equal(before + 100, Revenue(sent));
        Assert.Contains("Đã đối chiếu với Kho bạc.", sent.GetProperty("narrative")[0].GetProperty("html").GetString());
        Assert.Empty(sent.GetProperty("actions").EnumerateArray());
        // The comparison: the one changed cell and the changed and added paragraphs, side by side.
        var cell = Assert.Single(diff.GetProperty("cells").EnumerateArray(), c => c.GetProperty("indicator").GetString() == "THU_NSNN" && c.GetProperty("column").GetString() == "Kỳ này");
        Assert.Equal((before, before + 100), (cell.GetProperty("before").GetDecimal(), cell.GetProperty("after").GetDecimal()));
        // A computed share that reads the revenue changed with it; indicators that did not change are not listed.
        Assert.Contains(diff.GetProperty("cells").EnumerateArray(), c => c.GetProperty("indicator").GetString() == "TT_THU_ND");
        Assert.DoesNotContain(diff.GetProperty("cells").EnumerateArray(), c => c.GetProperty("before").ValueKind == JsonValueKind.Number
            && c.GetProperty("after").ValueKind == JsonValueKind.Number && c.GetProperty("before").GetDecimal() == c.GetProperty("after").GetDecimal());
        var changed = diff.GetProperty("narrative").EnumerateArray().Where(p => p.GetProperty("changed").GetBoolean())
            .Select(p => (p.GetProperty("before").GetString(), p.GetProperty("after").GetString())).ToList();
        Assert.Equal([("Thu ngân sách tăng so với cùng kỳ.", "Thu ngân sách tăng mạnh so với cùng kỳ."), (null, "Đã đối chiếu với Kho bạc.")], changed);
        // The receiving unit sees what was sent to it and its own answer, not the unit's internal steps.
        Assert.Equal([5, 6], receiverSees!.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, receiverInternal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The export of version 1 carries version 1's words, not today's.
        var texts = firstWorkbook.SelectMany(s => s.Cells).Select(c => c.Text).OfType<string>().ToList();
        Assert.Contains("Thu ngân sách tăng so với cùng kỳ.", texts);
        Assert.DoesNotContain(texts, t => t.Contains("Đã đối chiếu với Kho bạc."));
        Assert.Equal("Rejected", current.GetProperty("state").GetString());
    }
}
