using System.Globalization;
using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Email;
using BaoCao.SharedKernel.Files;
using BaoCao.Workflow.Contracts;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Deadlines.Reminders;

/// <summary>
/// Computes and keeps the compliance report of a month or quarter: every owed report due in it, sent on time (by its
/// due date), late, or missing at the time of generation; per unit the on-time rate (on time ÷ owed, so never above
/// 100 %), a ranking (rate, then fewer missing, then code) and the rate of the three periods before.
/// </summary>
internal sealed class Compliance(DeadlinesDbContext db, ISender sender, IEmailSender email, ExpectedReports planner, IConfiguration configuration, TimeProvider clock)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A month (YYYYMM) or quarter (YYYYQn), or null with the reason.</summary>
    public static (Period? Period, string? Error) Parse(string code) =>
        Period.TryParse(code) is { Kind: PeriodKind.Month or PeriodKind.Quarter } period
            ? (period, null)
            : (null, $"Kỳ '{code}' không hợp lệ: báo cáo tuân thủ lập theo tháng (YYYYMM) hoặc quý (YYYYQn).");

    /// <summary>Generates the report of a period unless it exists (or regenerates it), e-mails it to the configured
    /// recipients, and returns it with whether it was generated now.</summary>
    public async Task<(ComplianceReport Report, bool Generated)> GenerateAsync(Period period, bool regenerate, string by, CancellationToken cancellationToken)
    {
        if (!regenerate && await db.ComplianceReports.SingleOrDefaultAsync(r => r.Period == period.Code, cancellationToken) is { } stored)
            return (stored, false);
        // The planner clears the change tracker, so the report is loaded (tracked) only after it ran: a report loaded
        // before would be detached and its regeneration silently not stored.
        await planner.PlanAsync(SharedKernel.Time.VietnamTime.Today(clock), cancellationToken);
        var existing = await db.ComplianceReports.SingleOrDefaultAsync(r => r.Period == period.Code, cancellationToken);
        var figures = await ComputeAsync(period, cancellationToken);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = new ComplianceReport(period.Code, figures, by, now);
            db.ComplianceReports.Add(existing);
        }
        else
            existing.Regenerate(figures, by, now);
        // The generation is issued as files once: the e-mail, the page and the API all serve these very bytes.
        var generation = new ComplianceGeneration(existing, Xlsx(figures), Docx(figures));
        db.ComplianceGenerations.Add(generation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node generated it at the same moment: that one stands and is the one e-mailed.
            db.ChangeTracker.Clear();
            return (await db.ComplianceReports.SingleAsync(r => r.Period == period.Code, cancellationToken), false);
        }
        var status = await EmailAsync(generation, cancellationToken);
        existing.Emailed(status);
        generation.Emailed(status);
        await db.SaveChangesAsync(cancellationToken);
        return (existing, true);
    }

    /// <summary>The files of a generation as issued (and e-mailed); null for a generation made before files were kept.</summary>
    public async Task<(byte[] Xlsx, byte[] Docx)?> FilesAsync(string period, int generation, CancellationToken cancellationToken) =>
        await db.ComplianceGenerations.AsNoTracking().Where(g => g.Period == period && g.Generation == generation)
            .Select(g => new { g.Xlsx, g.Docx }).SingleOrDefaultAsync(cancellationToken) is { } issued ? (issued.Xlsx, issued.Docx) : null;

    public async Task<ComplianceFigures> ComputeAsync(Period period, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(period, cancellationToken);
        var previous = new List<(string Period, List<ComplianceRow> Rows)>();
        var code = period.Code;
        for (var i = 0; i < 3 && Period.TryParse(code)?.Previous() is { } before; i++, code = before)
            previous.Insert(0, (before, await RowsAsync(Period.TryParse(before)!, cancellationToken)));
        static decimal? Rate(IEnumerable<ComplianceRow> rows) =>
            rows.Sum(r => r.Expected) is var expected and > 0 ? Math.Round(100m * rows.Sum(r => r.OnTime) / expected, 1) : null;
        var units = rows.GroupBy(r => (r.UnitCode, r.UnitName))
            .Select(g => (Unit: g.Key, Expected: g.Sum(r => r.Expected), Submitted: g.Sum(r => r.Submitted), OnTime: g.Sum(r => r.OnTime),
                Late: g.Sum(r => r.Late), Missing: g.Sum(r => r.Missing), Rate: Rate(g) ?? 0))
            .OrderByDescending(u => u.Rate).ThenBy(u => u.Missing).ThenBy(u => u.Unit.UnitCode, StringComparer.Ordinal)
            .Select((u, index) => new ComplianceUnit(index + 1, u.Unit.UnitCode, u.Unit.UnitName, u.Expected, u.Submitted, u.OnTime, u.Late, u.Missing, u.Rate,
                [.. previous.Select(p => new TrendPoint(p.Period, Rate(p.Rows.Where(r => r.UnitCode == u.Unit.UnitCode))))]))
            .ToList();
        return new ComplianceFigures(period.Code, period.Start, period.End, rows.Sum(r => r.Expected), rows.Sum(r => r.Submitted), rows.Sum(r => r.OnTime),
            rows.Sum(r => r.Late), rows.Sum(r => r.Missing), Rate(rows) ?? 0, units, rows,
            [.. previous.Select(p => new TrendPoint(p.Period, Rate(p.Rows))), new TrendPoint(period.Code, Rate(rows))]);
    }

    /// <summary>The owed reports due within the period, unit by regime, as they stand now.</summary>
    private async Task<List<ComplianceRow>> RowsAsync(Period period, CancellationToken cancellationToken)
    {
        var expected = await db.ExpectedReports.AsNoTracking().Where(e => e.DueDate >= period.Start && e.DueDate <= period.End).ToListAsync(cancellationToken);
        if (expected.Count == 0)
            return [];
        var units = (await sender.Send(new ListAllUnits(), cancellationToken)).ToDictionary(u => u.Code, u => u.Name);
        var regimes = (await sender.Send(new ListRegimes(), cancellationToken)).ToDictionary(r => r.Code, r => r.Name);
        var outcomes = new List<(ExpectedReport Owed, ReportStatus? Status)>();
        foreach (var group in expected.GroupBy(e => (e.RegimeCode, e.Period)))
        {
            var statuses = (await sender.Send(new ListReportStatuses(group.Key.RegimeCode, group.Key.Period), cancellationToken)).ToDictionary(s => s.UnitCode);
            outcomes.AddRange(group.Select(e => (e, statuses.GetValueOrDefault(e.UnitCode))));
        }
        return [.. outcomes.GroupBy(o => (o.Owed.UnitCode, o.Owed.RegimeCode)).Select(g => new ComplianceRow(g.Key.UnitCode, units.GetValueOrDefault(g.Key.UnitCode, g.Key.UnitCode),
                g.Key.RegimeCode, regimes.GetValueOrDefault(g.Key.RegimeCode, g.Key.RegimeCode), g.Count(), g.Count(o => o.Status?.Reported == true),
                g.Count(o => o.Status?.Reported == true && o.Status.Late != true), g.Count(o => o.Status?.Reported == true && o.Status.Late == true),
                g.Count(o => o.Status?.Reported != true)))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.RegimeCode, StringComparer.Ordinal)];
    }

    /// <summary>E-mails a generation with its .xlsx and .docx, one message per recipient (no list of addresses in To:).</summary>
    private async Task<string> EmailAsync(ComplianceGeneration generation, CancellationToken cancellationToken)
    {
        var recipients = (configuration["Deadlines:ComplianceRecipients"] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0)
            return "Chưa cấu hình người nhận (Deadlines:ComplianceRecipients).";
        var f = generation.Figures;
        var link = (configuration["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/') + $"/thoi-han/tuan-thu?ky={f.Period}";
        var body = $"""
            Kính gửi Văn phòng UBND tỉnh,

            Báo cáo tình hình thực hiện chế độ báo cáo kỳ {f.Period} ({f.From:dd/MM/yyyy} – {f.To:dd/MM/yyyy}), lần lập {generation.Generation}:
            - Số báo cáo phải gửi: {f.Expected}; đã gửi: {f.Submitted} (đúng hạn {f.OnTime}, muộn {f.Late}); chưa gửi: {f.Missing}.
            - Tỷ lệ gửi đúng hạn: {f.OnTimeRate.ToString("0.#", Vietnamese)} %.

            Đơn vị gửi đúng hạn cao nhất:
            {string.Join("\n", f.Units.Take(5).Select(u => $"  {u.Rank}. {u.UnitName}: {u.OnTimeRate.ToString("0.#", Vietnamese)} %"))}
            Đơn vị còn thiếu báo cáo:
            {string.Join("\n", f.Units.Where(u => u.Missing > 0).OrderByDescending(u => u.Missing).Take(10).Select(u => $"  - {u.UnitName}: thiếu {u.Missing}"))}

            Báo cáo đầy đủ kèm theo thư (.xlsx và .docx); xem trên hệ thống: {link}
            """;
        EmailAttachment[] files =
        [
            new(XlsxName(generation), XlsxType, generation.Xlsx),
            new(DocxName(generation), DocxType, generation.Docx),
        ];
        var failed = new List<string>();
        foreach (var recipient in recipients)
        {
            var outcome = await email.SendAsync(new EmailMessage([recipient], $"[BaoCao] Tình hình thực hiện chế độ báo cáo kỳ {f.Period}", body, Attachments: files), cancellationToken);
            if (outcome.Delivery != EmailDelivery.Sent)
                failed.Add($"{recipient} ({outcome.Error})");
        }
        var sent = recipients.Length - failed.Count;
        return failed.Count == 0 ? $"Đã gửi tới {string.Join(", ", recipients)}"
            : sent == 0 ? $"Chưa gửi được: {string.Join("; ", failed)}"
            : $"Đã gửi tới {sent}/{recipients.Length} người nhận; chưa gửi được: {string.Join("; ", failed)}";
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string XlsxName(ComplianceGeneration g) => $"tuan-thu-{g.Period}-lan-{g.Generation}.xlsx";

    public static string DocxName(ComplianceGeneration g) => $"tuan-thu-{g.Period}-lan-{g.Generation}.docx";

    public static byte[] Xlsx(ComplianceFigures f) => OfficeFiles.Xlsx(
    [
        ("Xếp hạng", [
            new object?[] { $"Tình hình thực hiện chế độ báo cáo kỳ {f.Period} ({f.From:dd/MM/yyyy} – {f.To:dd/MM/yyyy})" },
            new object?[] { "Tổng", null, f.Expected, f.Submitted, f.OnTime, f.Late, f.Missing, f.OnTimeRate },
            (IReadOnlyList<object?>)["Hạng", "Đơn vị", "Phải gửi", "Đã gửi", "Đúng hạn", "Muộn", "Chưa gửi", "Tỷ lệ đúng hạn (%)", .. f.Trend.SkipLast(1).Select(t => $"Kỳ {t.Period} (%)")],
            .. f.Units.Select(u => (IReadOnlyList<object?>)[u.Rank, u.UnitName, u.Expected, u.Submitted, u.OnTime, u.Late, u.Missing, u.OnTimeRate,
                .. u.Trend.Select(t => (object?)t.OnTimeRate)]),
        ]),
        ("Theo chế độ", [
            new object?[] { "Mã đơn vị", "Đơn vị", "Mã chế độ", "Chế độ báo cáo", "Phải gửi", "Đã gửi", "Đúng hạn", "Muộn", "Chưa gửi" },
            .. f.Rows.Select(r => (IReadOnlyList<object?>)[r.UnitCode, r.UnitName, r.RegimeCode, r.RegimeName, r.Expected, r.Submitted, r.OnTime, r.Late, r.Missing]),
        ]),
    ]);

    public static byte[] Docx(ComplianceFigures f) => OfficeFiles.Docx(body =>
    {
        string Rate(decimal? rate) => rate is { } r ? r.ToString("0.#", Vietnamese) + " %" : "–";
        body.Paragraph("ỦY BAN NHÂN DÂN TỈNH — VĂN PHÒNG", bold: true)
            .Paragraph("BÁO CÁO", bold: true, size: 32, center: true)
            .Paragraph($"Tình hình thực hiện chế độ báo cáo kỳ {f.Period} ({f.From:dd/MM/yyyy} – {f.To:dd/MM/yyyy})", bold: true, center: true)
            .Paragraph($"Số báo cáo phải gửi: {f.Expected}; đã gửi: {f.Submitted} (đúng hạn {f.OnTime}, muộn {f.Late}); chưa gửi: {f.Missing}. Tỷ lệ gửi đúng hạn: {Rate(f.OnTimeRate)}.")
            .Paragraph("Xu hướng: " + string.Join("; ", f.Trend.Select(t => $"kỳ {t.Period}: {Rate(t.OnTimeRate)}")))
            .Paragraph("Xếp hạng đơn vị", bold: true)
            .Table(["Hạng", "Đơn vị", "Phải gửi", "Đúng hạn", "Muộn", "Chưa gửi", "Tỷ lệ đúng hạn"],
                f.Units.Select(u => (IReadOnlyList<string>)[u.Rank.ToString(Vietnamese), u.UnitName, u.Expected.ToString(Vietnamese), u.OnTime.ToString(Vietnamese),
                    u.Late.ToString(Vietnamese), u.Missing.ToString(Vietnamese), Rate(u.OnTimeRate)]));
    });
}
