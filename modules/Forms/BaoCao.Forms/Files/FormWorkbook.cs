using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BaoCao.SharedKernel.Files;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BaoCao.Forms.Files;

/// <summary>One printed row of the form: an indicator's total or one of its disaggregations, or a section title.</summary>
internal sealed record WorkbookRow(string? Indicator, string Disaggregation, string Label, string Unit, bool Editable,
    IReadOnlyDictionary<string, WorkbookCell> Cells);

/// <param name="Version">The entered cell's version when the file was made (0 for an empty cell).</param>
internal sealed record WorkbookCell(decimal? Number, string? Text, long Version);

internal sealed record WorkbookHeader(string FormCode, string FormName, int FormVersion, string UnitCode, string UnitName, string Period, string PeriodLabel,
    IReadOnlyList<(string Key, string Heading, bool Entered)> Columns, DateTimeOffset MadeAt);

/// <summary>A value read back from a file, with the cell it came from.</summary>
internal sealed record WorkbookValue(string Cell, string Indicator, string Disaggregation, string Column, decimal? Number, string? Text, long Version);

internal sealed record WorkbookError(string Cell, string? Indicator, string Message);

/// <summary>What a file holds: its header (from the hidden sheet) and the values of its entered columns.</summary>
internal sealed record WorkbookContent(string FormCode, int FormVersion, string UnitCode, string Period, string Fingerprint, IReadOnlyList<WorkbookValue> Values);

/// <summary>
/// A form as an .xlsx file for one unit and period. Sheet "Số liệu": Vietnamese headings, pre-filled values, only the
/// entered cells unlocked, the sheet and workbook structure protected; indicator and disaggregation codes, column keys
/// and each cell's version sit in hidden columns and a hidden row, so the upload knows exactly which cell is which and
/// whether someone saved it since the file was made. The hidden sheet "_baocao" names the form, version, unit, period
/// and a fingerprint of the rows.
/// </summary>
internal static class FormWorkbook
{
    public const string DataSheet = "Số liệu";
    public const string MetaSheet = "_baocao";
    public const string Format = "baocao.form/1";
    private const int KeyRow = 3;
    private const int HeadingRow = 4;
    private const int FirstDataRow = 5;

    private static readonly string[] FixedKeys = ["indicator", "disaggregation", "label", "unit"];

    public static string Fingerprint(IEnumerable<(string Indicator, string Disaggregation)> rows) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", rows.Select(r => $"{r.Indicator}.{r.Disaggregation}")))))[..16];

    public static byte[] Write(WorkbookHeader header, IReadOnlyList<WorkbookRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);
            var keys = FixedKeys.Concat(header.Columns.Select(c => c.Key)).Concat(header.Columns.Where(c => c.Entered).Select(c => "v:" + c.Key)).ToList();

            var data = workbookPart.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            sheetData.Append(TextRow(1, [(1, $"{header.FormCode} — {header.FormName}", Styles.Title)]));
            sheetData.Append(TextRow(2, [(1, $"Đơn vị: {header.UnitName} ({header.UnitCode}) · Kỳ: {header.PeriodLabel} ({header.Period}) · Biểu mẫu phiên bản {header.FormVersion} · Tạo lúc {header.MadeAt.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}", Styles.Plain)]));
            var keyRow = TextRow(KeyRow, [.. keys.Select((k, i) => (i + 1, k, Styles.Plain))]);
            keyRow.Hidden = true;
            sheetData.Append(keyRow);
            sheetData.Append(TextRow(HeadingRow, [.. new[] { "Mã chỉ số", "Mã phân tổ", "Chỉ tiêu", "Đơn vị tính" }.Concat(header.Columns.Select(c => c.Heading))
                .Concat(header.Columns.Where(c => c.Entered).Select(c => $"Phiên bản ({c.Heading})")).Select((h, i) => (i + 1, h, Styles.Heading))]));
            var number = FirstDataRow;
            foreach (var row in rows)
            {
                var excelRow = new Row { RowIndex = (uint)number };
                if (row.Indicator is null)
                {
                    excelRow.Append(Text(3, number, row.Label, Styles.Section));
                }
                else
                {
                    excelRow.Append(Text(1, number, row.Indicator, Styles.Plain), Text(2, number, row.Disaggregation, Styles.Plain),
                        Text(3, number, row.Label, Styles.Label), Text(4, number, row.Unit, Styles.Label));
                    var column = 5;
                    foreach (var (key, _, entered) in header.Columns)
                    {
                        var cell = row.Cells.GetValueOrDefault(key);
                        var style = entered && row.Editable ? Styles.Input : Styles.ReadOnly;
                        excelRow.Append(cell?.Number is { } n ? Number(column, number, n, style) : Text(column, number, cell?.Text ?? "", style));
                        column++;
                    }
                    foreach (var (key, _, _) in header.Columns.Where(c => c.Entered))
                    {
                        excelRow.Append(Number(column, number, row.Cells.GetValueOrDefault(key)?.Version ?? 0, Styles.Plain));
                        column++;
                    }
                }
                sheetData.Append(excelRow);
                number++;
            }
            var columns = new Columns(
                new Column { Min = 1, Max = 2, Width = 14, CustomWidth = true, Hidden = true },
                new Column { Min = 3, Max = 3, Width = 60, CustomWidth = true },
                new Column { Min = 4, Max = 4, Width = 14, CustomWidth = true },
                new Column { Min = 5, Max = (uint)(4 + header.Columns.Count), Width = 18, CustomWidth = true });
            var versionColumns = header.Columns.Count(c => c.Entered);
            if (versionColumns > 0)
                columns.Append(new Column { Min = (uint)(5 + header.Columns.Count), Max = (uint)(4 + header.Columns.Count + versionColumns), Width = 10, CustomWidth = true, Hidden = true });
            data.Worksheet = new Worksheet(
                new SheetViews(new SheetView { WorkbookViewId = 0, Pane = new Pane { VerticalSplit = HeadingRow, TopLeftCell = $"A{FirstDataRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen } }),
                columns, sheetData,
                // Only the value cells are unlocked; no password: protection prevents accidents, the upload detects tampering.
                new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });

            var meta = workbookPart.AddNewPart<WorksheetPart>();
            var metaData = new SheetData();
            string[][] pairs = [["format", Format], ["form", header.FormCode], ["version", header.FormVersion.ToString(CultureInfo.InvariantCulture)],
                ["unit", header.UnitCode], ["period", header.Period], ["rows", Fingerprint(rows.Where(r => r.Indicator is not null).Select(r => (r.Indicator!, r.Disaggregation)))]];
            for (var i = 0; i < pairs.Length; i++)
                metaData.Append(TextRow(i + 1, [(1, pairs[i][0], Styles.Plain), (2, pairs[i][1], Styles.Plain)]));
            meta.Worksheet = new Worksheet(metaData, new SheetProtection { Sheet = true });

            workbookPart.Workbook.Append(new WorkbookProtection { LockStructure = true });
            workbookPart.Workbook.Append(new Sheets(
                new Sheet { Id = workbookPart.GetIdOfPart(data), SheetId = 1, Name = DataSheet },
                new Sheet { Id = workbookPart.GetIdOfPart(meta), SheetId = 2, Name = MetaSheet, State = SheetStateValues.Hidden }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The values of a file made by <see cref="Write"/> (and possibly re-saved by Excel or LibreOffice), or why it is not one.</summary>
    public static (WorkbookContent? Content, string? Error) Read(Stream file)
    {
        if (OfficeFiles.TryReadXlsx(file, out var read) is { } refused)
            return (null, refused);
        var sheets = read!;
        var metaSheet = sheets.FirstOrDefault(s => s.Name == MetaSheet);
        var dataSheet = sheets.FirstOrDefault(s => s.Name == DataSheet);
        if (metaSheet is null || dataSheet is null)
            return (null, "Tệp không phải mẫu biểu tải từ BaoCao (thiếu trang tính “Số liệu” hoặc thông tin mẫu). Hãy tải mẫu từ trang nhập liệu.");
        var meta = metaSheet.Cells.GroupBy(c => c.Row)
            .ToDictionary(g => g.FirstOrDefault(c => c.Column == 1).Text ?? "", g => g.FirstOrDefault(c => c.Column == 2).Text ?? "");
        if (meta.GetValueOrDefault("format") != Format || !int.TryParse(meta.GetValueOrDefault("version"), CultureInfo.InvariantCulture, out var version))
            return (null, "Thông tin mẫu trong tệp không đọc được: hãy tải mẫu mới từ trang nhập liệu.");
        var cells = dataSheet.Cells;
        var keys = cells.Where(c => c.Row == KeyRow).GroupBy(c => c.Column).ToDictionary(g => g.Key, g => g.First().Text ?? "");
        if (!FixedKeys.Select((k, i) => keys.GetValueOrDefault(i + 1) == k).All(x => x))
            return (null, "Cấu trúc tệp đã bị thay đổi (mất dòng mã cột ẩn): hãy tải mẫu mới từ trang nhập liệu.");
        var values = new List<WorkbookValue>();
        foreach (var row in cells.Where(c => c.Row >= FirstDataRow).GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            var byColumn = row.GroupBy(c => c.Column).ToDictionary(g => g.Key, g => g.First());
            var indicator = Codes.Normalize(byColumn.GetValueOrDefault(1).Text);
            if (string.IsNullOrEmpty(indicator))
                continue; // a section title or a blank line
            var disaggregation = Codes.Normalize(byColumn.GetValueOrDefault(2).Text) ?? "";
            foreach (var (column, key) in keys.Where(k => k.Key > FixedKeys.Length && !k.Value.StartsWith("v:", StringComparison.Ordinal)))
            {
                var versionColumn = keys.FirstOrDefault(k => k.Value == "v:" + key).Key;
                if (versionColumn == 0)
                    continue; // not an entered column: shown for reference only
                var cell = byColumn.GetValueOrDefault(column);
                var reference = $"{ColumnName(column)}{row.Key}";
                var cellVersion = byColumn.GetValueOrDefault(versionColumn) is { Number: { } v } ? (long)v : 0;
                values.Add(new WorkbookValue(reference, indicator, disaggregation, key, cell.Number, string.IsNullOrWhiteSpace(cell.Text) ? null : cell.Text, cellVersion));
            }
        }
        return (new WorkbookContent(meta.GetValueOrDefault("form", ""), version, meta.GetValueOrDefault("unit", ""), meta.GetValueOrDefault("period", ""),
            meta.GetValueOrDefault("rows", ""), values), null);
    }

    /// <summary>"A" for 1, "AB" for 28.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
            name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    private static class Styles
    {
        public const uint Plain = 0, Title = 1, Heading = 2, Section = 3, Label = 4, Input = 5, ReadOnly = 6;
    }

    private static void AddStyles(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 13 }), new Font(new Bold(), new FontSize { Val = 11 })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEFEFEF" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFFFE0" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(), new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center }) { FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true }) { BorderId = 1, ApplyBorder = true },
                new CellFormat(new Protection { Locked = false }) { FillId = 3, BorderId = 1, ApplyFill = true, ApplyBorder = true, ApplyProtection = true },
                new CellFormat { FillId = 2, BorderId = 1, ApplyFill = true, ApplyBorder = true }));
    }

    private static Row TextRow(int number, IEnumerable<(int Column, string Text, uint Style)> cells)
    {
        var row = new Row { RowIndex = (uint)number };
        foreach (var (column, text, style) in cells)
            row.Append(Text(column, number, text, style));
        return row;
    }

    private static Cell Text(int column, int row, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = $"{ColumnName(column)}{row}", DataType = CellValues.InlineString, StyleIndex = style,
    };

    private static Cell Number(int column, int row, decimal value, uint style) => new(new CellValue(value.ToString(CultureInfo.InvariantCulture)))
    {
        CellReference = $"{ColumnName(column)}{row}", StyleIndex = style,
    };
}
