using System.Globalization;
using BaoCao.Workflow.Features;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Word = DocumentFormat.OpenXml.Wordprocessing;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;

namespace BaoCao.Workflow.Reports;

/// <summary>A report as a Word document (heading, narrative under its headings, the tables, the attachments list) and as
/// a workbook (one sheet for the tables, one for the narrative); numbers in Vietnamese format (1.234,5).</summary>
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
    ];

    public static byte[] Docx(WriteReport.ReportView report, string unitName)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Word.Body();
            main.Document = new Word.Document(body);
            body.Append(Paragraph(unitName.ToUpper(Vietnamese), bold: true));
            body.Append(Paragraph("BÁO CÁO", bold: true, size: 32, center: true));
            body.Append(Paragraph(Title(report, unitName), bold: true, center: true));
            foreach (var fact in Facts(report))
                body.Append(Paragraph(fact, italic: true));

            body.Append(Paragraph("A. PHẦN THUYẾT MINH", bold: true, size: 26));
            foreach (var section in report.Narrative)
            {
                body.Append(Paragraph(section.Heading, bold: true));
                foreach (var (kind, text) in Narrative.Blocks(section.Html))
                    body.Append(Paragraph(kind == "li" ? "– " + text : text, bold: kind is "h3" or "h4", italic: kind == "blockquote"));
            }

            body.Append(Paragraph("B. PHẦN BẢNG SỐ LIỆU", bold: true, size: 26));
            foreach (var table in report.Tables)
            {
                body.Append(Paragraph(table.Title, bold: true));
                var grid = new Word.Table(new Word.TableProperties(
                    new Word.TableBorders(new Word.TopBorder { Val = Word.BorderValues.Single, Size = 4 }, new Word.BottomBorder { Val = Word.BorderValues.Single, Size = 4 },
                        new Word.LeftBorder { Val = Word.BorderValues.Single, Size = 4 }, new Word.RightBorder { Val = Word.BorderValues.Single, Size = 4 },
                        new Word.InsideHorizontalBorder { Val = Word.BorderValues.Single, Size = 4 }, new Word.InsideVerticalBorder { Val = Word.BorderValues.Single, Size = 4 }),
                    new Word.TableWidth { Type = Word.TableWidthUnitValues.Pct, Width = "5000" }));
                grid.Append(Row(["Chỉ tiêu", "Đơn vị tính", .. table.ColumnLabels], bold: true));
                foreach (var row in table.Rows)
                    grid.Append(Row([row.Name, row.UnitOfMeasure, .. row.Values.Select(Number)], bold: false));
                body.Append(grid);
                foreach (var note in table.Notes.Distinct())
                    body.Append(Paragraph(note, italic: true));
            }
            if (report.Attachments.Count > 0)
            {
                body.Append(Paragraph("Tệp đính kèm", bold: true));
                foreach (var file in report.Attachments)
                    body.Append(Paragraph($"– {file.FileName} ({file.Size:N0} byte; SHA-256 {file.Sha256})"));
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Word.Paragraph Paragraph(string text, bool bold = false, bool italic = false, int? size = null, bool center = false)
    {
        var properties = new Word.RunProperties();
        if (bold)
            properties.Append(new Word.Bold());
        if (italic)
            properties.Append(new Word.Italic());
        if (size is { } half)
            properties.Append(new Word.FontSize { Val = half.ToString(CultureInfo.InvariantCulture) });
        var paragraph = new Word.Paragraph(new Word.Run(properties, new Word.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
            paragraph.PrependChild(new Word.ParagraphProperties(new Word.Justification { Val = Word.JustificationValues.Center }));
        return paragraph;
    }

    private static Word.TableRow Row(IEnumerable<string> cells, bool bold) =>
        new([.. cells.Select(text => new Word.TableCell(Paragraph(text, bold)))]);

    public static byte[] Xlsx(WriteReport.ReportView report, string unitName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Sheet.Workbook(new Sheet.Sheets());
            var tableRows = new List<IReadOnlyList<object>> { new object[] { Title(report, unitName) } };
            tableRows.AddRange(Facts(report).Select(f => (IReadOnlyList<object>)[f]));
            foreach (var table in report.Tables)
            {
                tableRows.Add([]);
                tableRows.Add([table.Title]);
                tableRows.Add(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", .. table.ColumnLabels]);
                foreach (var row in table.Rows)
                    tableRows.Add([row.Indicator, row.Name, row.UnitOfMeasure, .. row.Values.Select(v => (object?)v ?? "")]);
                tableRows.AddRange(table.Notes.Distinct().Select(n => (IReadOnlyList<object>)[n]));
            }
            AddSheet(workbook, 1, "Bảng số liệu", tableRows);
            var narrativeRows = new List<IReadOnlyList<object>> { new object[] { Title(report, unitName) } };
            foreach (var section in report.Narrative)
            {
                narrativeRows.Add([section.Heading]);
                narrativeRows.AddRange(Narrative.Blocks(section.Html).Select(b => (IReadOnlyList<object>)[b.Kind == "li" ? "– " + b.Text : b.Text]));
            }
            AddSheet(workbook, 2, "Thuyết minh", narrativeRows);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A sheet of rows; numbers go in as numbers (the reader's locale formats them), the rest as inline text.</summary>
    private static void AddSheet(WorkbookPart workbook, uint id, string name, IEnumerable<IReadOnlyList<object>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new Sheet.SheetData();
        uint rowIndex = 0;
        foreach (var values in rows)
        {
            var row = new Sheet.Row { RowIndex = ++rowIndex };
            var column = 0;
            foreach (var value in values)
            {
                var reference = $"{ColumnName(column++)}{rowIndex}";
                row.Append(value is decimal number
                    ? new Sheet.Cell { CellReference = reference, DataType = Sheet.CellValues.Number, CellValue = new Sheet.CellValue(number) }
                    : new Sheet.Cell { CellReference = reference, DataType = Sheet.CellValues.InlineString, InlineString = new Sheet.InlineString(new Sheet.Text(value.ToString() ?? "")) });
            }
            data.Append(row);
        }
        part.Worksheet = new Sheet.Worksheet(new Sheet.Columns(new Sheet.Column { Min = 1, Max = 3, Width = 40, CustomWidth = true }), data);
        workbook.Workbook.Sheets!.Append(new Sheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
