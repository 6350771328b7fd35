using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Deadlines;

/// <summary>The monthly compliance report: every report due in the month, on time, late or missing, per unit, with a
/// ranking, generated once, e-mailed to the province office and downloadable.</summary>
public sealed class ComplianceTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Writes, submits, approves and sends a unit's report, as its officer and leader.</summary>
    internal static async Task SendReportAsync(BaoCaoApp app, string regime, string unit, string period)
    {
        var officer = await app.SignedInAsAsync($"canbo.{unit.ToLowerInvariant()}");
        var leader = await app.SignedInAsAsync($"lanhdao.{unit.ToLowerInvariant()}");
        var path = $"/api/workflow/reports/{regime}/{unit}/{period}";
        var draft = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = regime, unitCode = unit, period })).Content.ReadFromJsonAsync<JsonElement>();
        var sections = draft.GetProperty("narrative").EnumerateArray().Select(s => new { heading = s.GetProperty("heading").GetString(), html = "<p>Không có.</p>" }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{path}/narrative", new { sections, version = draft.GetProperty("version").GetInt64() })).StatusCode);
        await Workflow.ReportTests.ApproveTableDataAsync(officer, leader, path);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{path}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync($"{path}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{path}/send", null)).StatusCode);
    }

    /// <summary>Regenerating stores the new figures as generation 2 beside generation 1 (the API and the export used to keep
    /// generation 1 while the e-mail carried the new figures, and the e-mail had no file): each generation's e-mail,
    /// one per recipient, carries exactly the .xlsx and .docx the API serves for it, byte for byte.</summary>
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_regenerated_compliance_report_is_stored_and_served_by_the_api_and_the_export(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        var settings = new Dictionary<string, string?>(smtp.Settings) { ["Deadlines:ComplianceRecipients"] = "vpubnd@ninhbinh.gov.vn; chanhvanphong@ninhbinh.gov.vn" };
        await using var app = await BaoCaoApp.StartAsync(database, settings, start: new DateTimeOffset(2026, 9, 18, 9, 0, 0, Vietnam));
        await SendReportAsync(app, "BC-KTXH-THANG", "STC", "202609");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 6, 0, 0, Vietnam));
        var admin = await app.SignedInAsAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/deadlines/compliance/202609/generate", null)).StatusCode);
        var first = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/compliance/202609");
        var firstWorkbook = await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=xlsx");
        var firstMail = await smtp.WaitForMessageToAsync("vpubnd@ninhbinh.gov.vn");
        await SendReportAsync(app, "BC-KTXH-THANG", "SCT", "202609"); // sent late, after the first generation

        var regenerated = await (await admin.PostAsync("/api/deadlines/compliance/202609/generate?regenerate=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        var stored = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/compliance/202609");
        var workbook = await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=xlsx");
        var document = await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=docx");
        var earlier = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/compliance/202609?generation=1");
        var earlierWorkbook = await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=xlsx&generation=1");
        var generations = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/compliance/202609/generations");
        var missing = await admin.GetAsync("/api/deadlines/compliance/202609?generation=7");
        List<MimeKit.MimeMessage> Reports() => [.. smtp.Messages.Where(m => m.Subject?.StartsWith("[BaoCao] Tình hình thực hiện chế độ báo cáo", StringComparison.Ordinal) == true)];
        await Eventually.TrueAsync(() => Task.FromResult(Reports().Count == 4), "two generations × two recipients");
        // The department's row in the workbook: its figures, as numbers.
        static List<decimal?> Row(byte[] file, string unit)
        {
            var cells = BaoCao.SharedKernel.Files.OfficeFiles.ReadXlsx(new MemoryStream(file))!.SelectMany(s => s.Cells).ToList();
            var row = cells.First(c => c.Text is { } t && (t == unit || t.Contains("Công Thương"))).Row;
            return [.. cells.Where(c => c.Row == row && c.Number is not null).Select(c => c.Number)];
        }

        static byte[] Attachment(MimeKit.MimeMessage mail, string extension)
        {
            var part = mail.Attachments.OfType<MimeKit.MimePart>().Single(a => a.FileName?.EndsWith(extension, StringComparison.Ordinal) == true);
            using var content = new MemoryStream();
            part.Content!.DecodeTo(content);
            return content.ToArray();
        }

        static int Submitted(JsonElement report) => report.GetProperty("figures").GetProperty("submitted").GetInt32();
        Assert.Equal(Submitted(first) + 1, Submitted(stored));
        Assert.Equal(2, regenerated.GetProperty("generation").GetInt32());
        Assert.Equal(2, stored.GetProperty("generation").GetInt32());
        var sct = stored.GetProperty("figures").GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == "SCT");
        Assert.Equal(1, sct.GetProperty("late").GetInt32());
        Assert.NotEqual(Row(firstWorkbook, "SCT"), Row(workbook, "SCT"));
        // Generation 1 is kept as it was issued.
        Assert.Equal([2, 1], generations.EnumerateArray().Select(g => g.GetProperty("generation").GetInt32()));
        Assert.Equal((1, Submitted(first), false), (earlier.GetProperty("generation").GetInt32(), Submitted(earlier), earlier.GetProperty("current").GetBoolean()));
        Assert.Equal(firstWorkbook, earlierWorkbook);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // Each e-mail goes to one recipient and carries its generation's files, byte for byte as the API serves them.
        Assert.All(Reports(), m => Assert.Single(m.To));
        Assert.Equal(["chanhvanphong@ninhbinh.gov.vn", "chanhvanphong@ninhbinh.gov.vn", "vpubnd@ninhbinh.gov.vn", "vpubnd@ninhbinh.gov.vn"],
            Reports().Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(firstWorkbook, Attachment(firstMail, ".xlsx"));
        var secondMails = Reports().Where(m => m.TextBody?.Contains("lần lập 2") == true).ToList();
        Assert.Equal(2, secondMails.Count);
        Assert.All(secondMails, m => Assert.Equal(workbook, Attachment(m, ".xlsx")));
        Assert.All(secondMails, m => Assert.Equal(document, Attachment(m, ".docx")));
        Assert.StartsWith("Đã gửi tới", stored.GetProperty("emailStatus").GetString());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task September_counts_each_owed_report_once_on_time_late_or_missing_and_is_generated_once(DatabaseKind database)
    {
        await using var smtp = new SmtpTestServer();
        var settings = new Dictionary<string, string?>(smtp.Settings) { ["Deadlines:ComplianceRecipients"] = "vpubnd@ninhbinh.gov.vn" };
        await using var app = await BaoCaoApp.StartAsync(database, settings, start: new DateTimeOffset(2026, 9, 18, 9, 0, 0, Vietnam));
        await SendReportAsync(app, "BC-KTXH-THANG", "STC", "202609"); // due Monday 21/09 (20/09 is a Sunday): on time
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 25, 9, 0, 0, Vietnam));
        await SendReportAsync(app, "BC-KTXH-THANG", "SDL", "202609"); // four days late
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 6, 0, 0, Vietnam));
        var admin = await app.SignedInAsAsync("admin");

        var generated = await (await admin.PostAsync("/api/deadlines/compliance/202609/generate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await admin.PostAsync("/api/deadlines/compliance/202609/generate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/compliance/202609");
        var mail = await smtp.WaitForMessageToAsync("vpubnd@ninhbinh.gov.vn");
        var regenerated = await (await admin.PostAsync("/api/deadlines/compliance/202609/generate?regenerate=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        var officer = await app.SignedInAsAsync("canbo.stc");
        var badPeriod = await admin.PostAsync("/api/deadlines/compliance/2026S1/generate", null);

        var f = report.GetProperty("figures");
        var units = f.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        Assert.True(generated.GetProperty("generatedNow").GetBoolean());
        Assert.Equal((generated.GetProperty("id").GetString(), false), (again.GetProperty("id").GetString(), again.GetProperty("generatedNow").GetBoolean()));
        Assert.Equal(2, regenerated.GetProperty("generation").GetInt32());
        // The monthly socio-economic report (four departments) and the third quarter's health and labour report (two), due 21/09.
        Assert.Equal(["SCT", "SDL", "SNNMT", "SNV", "STC", "SYT"], units.Keys.Order());
        Assert.Equal((1, 1, 0, 0, 100m), Figures(units["STC"]));
        Assert.Equal((1, 0, 1, 0, 0m), Figures(units["SDL"]));
        Assert.Equal((1, 0, 0, 1, 0m), Figures(units["SCT"]));
        Assert.Equal(1, units["STC"].GetProperty("rank").GetInt32());
        Assert.True(units["SDL"].GetProperty("rank").GetInt32() < units["SCT"].GetProperty("rank").GetInt32()); // sent late ranks above not sent
        Assert.Equal((6, 2, 1, 1, 4), (f.GetProperty("expected").GetInt32(), f.GetProperty("submitted").GetInt32(), f.GetProperty("onTime").GetInt32(),
            f.GetProperty("late").GetInt32(), f.GetProperty("missing").GetInt32()));
        Assert.Equal(16.7m, f.GetProperty("onTimeRate").GetDecimal());
        Assert.All(units.Values, u => Assert.InRange(u.GetProperty("onTimeRate").GetDecimal(), 0m, 100m));
        Assert.Equal(["202606", "202607", "202608", "202609"], f.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("period").GetString()!));
        Assert.Equal("[BaoCao] Tình hình thực hiện chế độ báo cáo kỳ 202609", mail.Subject);
        Assert.Contains("Tỷ lệ gửi đúng hạn: 16,7 %", mail.TextBody);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/deadlines/compliance/202609")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
    }

    private static (int Expected, int OnTime, int Late, int Missing, decimal Rate) Figures(JsonElement unit) =>
        (unit.GetProperty("expected").GetInt32(), unit.GetProperty("onTime").GetInt32(), unit.GetProperty("late").GetInt32(),
            unit.GetProperty("missing").GetInt32(), unit.GetProperty("onTimeRate").GetDecimal());

    [LibreOfficeFact]
    public async Task The_compliance_report_opens_in_LibreOffice_as_xlsx_and_docx()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, start: new DateTimeOffset(2026, 9, 18, 9, 0, 0, Vietnam));
        await SendReportAsync(app, "BC-KTXH-THANG", "STC", "202609");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 6, 0, 0, Vietnam));
        var admin = await app.SignedInAsAsync("admin");
        await admin.PostAsync("/api/deadlines/compliance/202609/generate", null);

        var csv = await LibreOffice.ToCsvAsync(await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=xlsx"));
        var text = string.Join("\n", await LibreOffice.ToTextAsync(await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=docx")));

        Assert.Contains(csv, l => l.StartsWith("1,\"Sở Tài chính\",1,1,1,0,0,100", StringComparison.Ordinal));
        Assert.Contains("Tình hình thực hiện chế độ báo cáo kỳ 202609", text);
        Assert.Contains("Tỷ lệ gửi đúng hạn: 16,7 %", text);
    }

    /// <summary>The compliance .docx opens in python-docx (which refuses invalid WordprocessingML) with its ranking table readable.</summary>
    [PythonDocxFact]
    public async Task The_compliance_report_opens_in_python_docx_with_its_ranking_table()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, start: new DateTimeOffset(2026, 9, 18, 9, 0, 0, Vietnam));
        await SendReportAsync(app, "BC-KTXH-THANG", "STC", "202609");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 6, 0, 0, Vietnam));
        var admin = await app.SignedInAsAsync("admin");
        await admin.PostAsync("/api/deadlines/compliance/202609/generate", null);

        var read = PythonDocx.Read(await admin.GetByteArrayAsync("/api/deadlines/compliance/202609/export?format=docx"));

        var ranking = Assert.Single(read.Tables);
        Assert.Equal(["Hạng", "Đơn vị", "Phải gửi", "Đúng hạn", "Muộn", "Chưa gửi", "Tỷ lệ đúng hạn"], ranking[0]);
        Assert.Equal(["1", "Sở Tài chính", "1", "1", "0", "0", "100 %"], ranking[1]);
        Assert.Equal(7, ranking.Count); // the header and the six departments owing a report due in September
        Assert.Contains(read.Paragraphs, p => p.Contains("Tỷ lệ gửi đúng hạn: 16,7 %", StringComparison.Ordinal));
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_unit_merged_away_before_the_period_ended_is_not_owed_and_no_rate_exceeds_100_percent(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database, start: new DateTimeOffset(2026, 12, 1, 6, 0, 0, Vietnam));
        var admin = await app.SignedInAsAsync("admin");
        // The demo's November: Industry and Trade on time, Tourism late, Agriculture writing, Finance nothing. Tourism is
        // merged into Culture, Sports and Tourism with its last day 15/11 — before November's period ended.
        Assert.True((await admin.PostAsJsonAsync("/api/units/SDL/merge", new { successorCode = "SVHTTDL", lastDay = "2026-11-15" })).IsSuccessStatusCode);

        var generated = await admin.PostAsync("/api/deadlines/compliance/202611/generate", null);
        var f = (await admin.GetFromJsonAsync<JsonElement>("/api/deadlines/compliance/202611")).GetProperty("figures");
        var status = await admin.GetFromJsonAsync<JsonElement[]>("/api/deadlines/status?regime=BC-KTXH-THANG&period=202611");

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.DoesNotContain(status!, s => s.GetProperty("unitCode").GetString() == "SDL");
        Assert.DoesNotContain(f.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == "SDL");
        Assert.All(f.GetProperty("units").EnumerateArray(), u => Assert.InRange(u.GetProperty("onTimeRate").GetDecimal(), 0m, 100m));
        Assert.InRange(f.GetProperty("onTimeRate").GetDecimal(), 0m, 100m);
        Assert.Equal(f.GetProperty("expected").GetInt32(), f.GetProperty("onTime").GetInt32() + f.GetProperty("late").GetInt32() + f.GetProperty("missing").GetInt32());
        Assert.Equal(0, f.GetProperty("late").GetInt32()); // Tourism's late report is not counted: it owed nothing
    }
}
