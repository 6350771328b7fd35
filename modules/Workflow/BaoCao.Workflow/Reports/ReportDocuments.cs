using System.Globalization;
using BaoCao.SharedKernel.Files;
using BaoCao.Workflow.Features;

namespace BaoCao.Workflow.Reports;

/// <summary>A report as a Word document (heading, narrative under its headings, the tables, the attachments list) and as
/// a workbook (one sheet for the tables, one for the narrative); numbers in Vietnamese format (1.234,5) in the document.</summary>
internal static class ReportDocuments
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.##", Vietnamese) : "";

    private static string Title(WriteReport.ReportView r, string unitName) => $"{r.RegimeName} — {unitName} — kỳ {r.Period}";

    private static IEnumerable<string> Facts(WriteReport.ReportView r) =>
    [
        $"Trạng thái: {r.StateLabel}" + (r.Late == true ? " (gửi muộn)" : ""),
        $"Hạn gửi: {r.DueDate:dd/MM/yyyy}; đơn vị nhận: {r.ReceivingUnit}",
        r.Source == "SubUnits" ? "Số liệu: tổng hợp từ số liệu đã duyệt của các đơn vị trực thuộc" : "Số liệu: số liệu đã duyệt của đơn vị",
        .. r.Incomplete ? [IncompleteMark(r)] : Array.Empty<string>(),
    ];

    /// <summary>The mark a report submitted with unapproved forms carries in the page and in every file.</summary>
    public static string IncompleteMark(WriteReport.ReportView r) =>
        $"SỐ LIỆU CHƯA ĐẦY ĐỦ — khi trình báo cáo, số liệu sau chưa được duyệt: {string.Join("; ", r.MissingApprovals.Select(m => m.Describe()))}.";

    public static byte[] Docx(WriteReport.ReportView report, string unitName) => OfficeFiles.Docx(body =>
    {
        body.Paragraph(unitName.ToUpper(Vietnamese), bold: true)
            .Paragraph("BÁO CÁO", bold: true, size: 32, center: true)
            .Paragraph(Title(report, unitName), bold: true, center: true);
        foreach (var fact in Facts(report))
            body.Paragraph(fact, italic: true);
        body.Paragraph("A. PHẦN THUYẾT MINH", bold: true, size: 26);
        foreach (var section in report.Narrative)
        {
            body.Paragraph(section.Heading, bold: true);
            foreach (var (kind, text) in Narrative.Blocks(section.Html))
                body.Paragraph(kind == "li" ? "– " + text : text, bold: kind is "h3" or "h4", italic: kind == "blockquote");
        }
        body.Paragraph("B. PHẦN BẢNG SỐ LIỆU", bold: true, size: 26);
        foreach (var table in report.Tables)
        {
            body.Paragraph(table.Title, bold: true)
                .Table(["Chỉ tiêu", "Đơn vị tính", .. table.ColumnLabels], table.Rows.Select(row => (IReadOnlyList<string>)[row.Name, row.UnitOfMeasure, .. row.Values.Select(Number)]));
            foreach (var note in table.Notes.Distinct())
                body.Paragraph(note, italic: true);
        }
        if (report.Attachments.Count > 0)
        {
            body.Paragraph("Tệp đính kèm", bold: true);
            foreach (var file in report.Attachments)
                body.Paragraph($"– {file.FileName} ({file.Size:N0} byte; SHA-256 {file.Sha256})");
        }
    });

    public static byte[] Xlsx(WriteReport.ReportView report, string unitName)
    {
        var tableRows = new List<IReadOnlyList<object?>> { new object?[] { Title(report, unitName) } };
        tableRows.AddRange(Facts(report).Select(f => (IReadOnlyList<object?>)[f]));
        foreach (var table in report.Tables)
        {
            tableRows.Add([]);
            tableRows.Add([table.Title]);
            tableRows.Add(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", .. table.ColumnLabels]);
            foreach (var row in table.Rows)
                tableRows.Add([row.Indicator, row.Name, row.UnitOfMeasure, .. row.Values.Select(v => (object?)v)]);
            tableRows.AddRange(table.Notes.Distinct().Select(n => (IReadOnlyList<object?>)[n]));
        }
        var narrativeRows = new List<IReadOnlyList<object?>> { new object?[] { Title(report, unitName) } };
        foreach (var section in report.Narrative)
        {
            narrativeRows.Add([section.Heading]);
            narrativeRows.AddRange(Narrative.Blocks(section.Html).Select(b => (IReadOnlyList<object?>)[b.Kind == "li" ? "– " + b.Text : b.Text]));
        }
        return OfficeFiles.Xlsx([("Bảng số liệu", tableRows), ("Thuyết minh", narrativeRows)]);
    }
}
