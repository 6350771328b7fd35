using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace BaoCao.SharedKernel.Files;

/// <summary>
/// Minimal Word and Excel writers for the documents the system produces (reports, compliance reports): paragraphs and
/// bordered tables in a .docx; sheets of rows in an .xlsx where numbers stay numbers and the rest is text. Both open in
/// Microsoft Office and LibreOffice.
/// </summary>
public static class OfficeFiles
{
    /// <summary>A .docx built by <paramref name="write"/>.</summary>
    public static byte[] Docx(Action<DocxBody> write)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Word.Body();
            main.Document = new Word.Document(body);
            AddStyles(main);
            write(new DocxBody(body));
            // The section comes last in the body: A4 portrait with the margins of Nghị định 30/2020 (top and bottom
            // 20 mm, left 30 mm, right 20 mm).
            body.Append(new Word.SectionProperties(
                new Word.PageSize { Width = DocxBody.PageWidth, Height = 16838 },
                new Word.PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The styles part Word and python-docx expect: Times New Roman 13 pt in Vietnamese as the document's default,
    /// a Normal paragraph style and a "Table Grid" table style.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Word.Styles(
            new Word.DocDefaults(
                new Word.RunPropertiesDefault(new Word.RunPropertiesBaseStyle(
                    new Word.RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new Word.FontSize { Val = "26" }, new Word.FontSizeComplexScript { Val = "26" },
                    new Word.Languages { Val = "vi-VN" })),
                new Word.ParagraphPropertiesDefault(new Word.ParagraphPropertiesBaseStyle(new Word.SpacingBetweenLines { After = "120", Line = "276", LineRule = Word.LineSpacingRuleValues.Auto }))),
            new Word.Style(new Word.StyleName { Val = "Normal" }, new Word.PrimaryStyle()) { Type = Word.StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Word.Style(new Word.StyleName { Val = "Normal Table" }, new Word.UIPriority { Val = 99 }, new Word.SemiHidden(),
                new Word.StyleTableProperties(new Word.TableIndentation { Width = 0, Type = Word.TableWidthUnitValues.Dxa },
                    new Word.TableCellMarginDefault(new Word.TopMargin { Width = "0", Type = Word.TableWidthUnitValues.Dxa },
                        new Word.TableCellLeftMargin { Width = 108, Type = Word.TableWidthValues.Dxa },
                        new Word.BottomMargin { Width = "0", Type = Word.TableWidthUnitValues.Dxa },
                        new Word.TableCellRightMargin { Width = 108, Type = Word.TableWidthValues.Dxa })))
            { Type = Word.StyleValues.Table, StyleId = "TableNormal", Default = true },
            new Word.Style(new Word.StyleName { Val = "Table Grid" }, new Word.BasedOn { Val = "TableNormal" },
                new Word.StyleParagraphProperties(new Word.SpacingBetweenLines { After = "0", Line = "240", LineRule = Word.LineSpacingRuleValues.Auto }),
                new Word.StyleTableProperties(new Word.TableBorders(
                    new Word.TopBorder { Val = Word.BorderValues.Single, Size = 4 }, new Word.BottomBorder { Val = Word.BorderValues.Single, Size = 4 },
                    new Word.LeftBorder { Val = Word.BorderValues.Single, Size = 4 }, new Word.RightBorder { Val = Word.BorderValues.Single, Size = 4 },
                    new Word.InsideHorizontalBorder { Val = Word.BorderValues.Single, Size = 4 }, new Word.InsideVerticalBorder { Val = Word.BorderValues.Single, Size = 4 })))
            { Type = Word.StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    /// <summary>An .xlsx with one sheet per entry; a decimal, int or double cell is a number, anything else text (text that
    /// starts like a formula gets an apostrophe, <see cref="Text.SpreadsheetText"/>).</summary>
    public static byte[] Xlsx(IEnumerable<(string Name, IEnumerable<IReadOnlyList<object?>> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Sheet.Workbook(new Sheet.Sheets());
            uint id = 0;
            foreach (var (name, rows) in sheets)
                AddSheet(workbook, ++id, name, rows);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, uint id, string name, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new Sheet.SheetData();
        uint rowIndex = 0;
        foreach (var values in rows)
        {
            var row = new Sheet.Row { RowIndex = ++rowIndex };
            for (var column = 0; column < values.Count; column++)
            {
                var reference = $"{ColumnName(column)}{rowIndex}";
                decimal? number = values[column] switch { decimal d => d, int i => i, long l => l, double f => (decimal)f, _ => null };
                row.Append(number is { } n
                    ? new Sheet.Cell { CellReference = reference, DataType = Sheet.CellValues.Number, CellValue = new Sheet.CellValue(n) }
                    : new Sheet.Cell { CellReference = reference, DataType = Sheet.CellValues.InlineString, InlineString = new Sheet.InlineString(new Sheet.Text(Text.SpreadsheetText.Neutralise(values[column]?.ToString() ?? ""))) });
            }
            data.Append(row);
        }
        part.Worksheet = new Sheet.Worksheet(new Sheet.Columns(new Sheet.Column { Min = 1, Max = 3, Width = 40, CustomWidth = true }), data);
        workbook.Workbook.Sheets!.Append(new Sheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>The cells of every sheet of an .xlsx (as written here, or re-saved by Excel or LibreOffice), or null when the
    /// file is not a readable .xlsx. Numbers are rounded to 10 decimals: spreadsheets store binary doubles.</summary>
    public static IReadOnlyList<XlsxSheet>? ReadXlsx(Stream file) => TryReadXlsx(file, out var sheets) is null ? sheets : null;

    /// <summary>Reads an .xlsx within <see cref="UploadLimits.Current"/>: the package is checked before it is opened, and the
    /// parts are read with a streaming reader (never a whole DOM). Null when read; else the Vietnamese reason.</summary>
    public static string? TryReadXlsx(Stream file, out IReadOnlyList<XlsxSheet>? sheets)
    {
        sheets = null;
        var limits = UploadLimits.Current;
        Stream seekable = file;
        if (!file.CanSeek)
        {
            seekable = new MemoryStream();
            file.CopyTo(seekable);
            seekable.Position = 0;
        }
        if (limits.CheckPackage(seekable) is { } refused)
            return refused;
        try
        {
            using var document = SpreadsheetDocument.Open(seekable, false, new OpenSettings { MaxCharactersInPart = limits.MaxPartBytes });
            if (document.WorkbookPart is not { } workbook)
                return Unreadable;
            var strings = SharedStrings(workbook.SharedStringTablePart);
            var cells = 0;
            var read = new List<XlsxSheet>();
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet.Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id)
                    continue;
                var sheetCells = new List<XlsxCell>();
                foreach (var cell in Cells((WorksheetPart)workbook.GetPartById(id), strings))
                {
                    if (++cells > limits.MaxCells)
                        return limits.TooManyCells;
                    sheetCells.Add(cell);
                }
                read.Add(new XlsxSheet(sheet.Name?.Value ?? "", sheetCells));
            }
            sheets = read;
            return null;
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException
                                          or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException or IOException)
        {
            return Unreadable;
        }
    }

    private const string Unreadable = "Tệp không phải .xlsx hợp lệ hoặc đã hỏng.";

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Sheet.SharedStringItem))
                strings.Add(reader.LoadCurrentElement()!.InnerText);
        }
        return strings;
    }

    private static IEnumerable<XlsxCell> Cells(WorksheetPart part, List<string> strings)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(Sheet.Cell))
                continue;
            var cell = (Sheet.Cell)reader.LoadCurrentElement()!;
            var (column, row) = Position(cell.CellReference?.Value);
            if (row == 0)
                continue;
            var raw = cell.CellValue?.Text;
            if (cell.DataType?.Value == Sheet.CellValues.SharedString)
                yield return new(row, column, null, int.TryParse(raw, out var index) && index < strings.Count ? strings[index] : null);
            else if (cell.DataType?.Value == Sheet.CellValues.InlineString)
                yield return new(row, column, null, cell.InlineString?.InnerText);
            else if (cell.DataType?.Value == Sheet.CellValues.String)
                yield return new(row, column, null, raw);
            else if (cell.DataType?.Value == Sheet.CellValues.Boolean)
                yield return new(row, column, null, raw == "1" ? "có" : "không");
            else if (raw is null)
                yield return new(row, column, null, null);
            else if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                // Spreadsheets store binary doubles: 470.5 may come back as 470.49999999999994.
                yield return new(row, column, Math.Round(number, 10), null);
            else
                yield return new(row, column, null, raw);
        }
    }

    private static (int Column, int Row) Position(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return (0, 0);
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return (column, int.TryParse(reference.AsSpan(i), out var row) ? row : 0);
    }
}

/// <param name="Row">From 1.</param>
/// <param name="Column">From 1 (A).</param>
public readonly record struct XlsxCell(int Row, int Column, decimal? Number, string? Text)
{
    /// <summary>The cell as text: a number in invariant form, else the trimmed text, else null.</summary>
    public string? Value => Number?.ToString(CultureInfo.InvariantCulture) ?? (string.IsNullOrWhiteSpace(Text) ? null : Text.Trim());
}

public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxCell> Cells);

/// <summary>What a .docx is written with: paragraphs (bold, italic, size in half-points, centred) and tables.</summary>
public sealed class DocxBody
{
    private readonly Word.Body _body;

    internal DocxBody(Word.Body body) => _body = body;

    public DocxBody Paragraph(string text, bool bold = false, bool italic = false, int? size = null, bool center = false)
    {
        _body.Append(Build(text, bold, italic, size, center));
        return this;
    }

    /// <summary>A4 width in twentieths of a point, and the text width between the margins.</summary>
    internal const int PageWidth = 11906, TextWidth = PageWidth - 1701 - 1134;

    /// <summary>A bordered full-width table; the first row is the heading, in bold, repeated on every page. The grid
    /// (w:tblGrid) gives the first column a third of the width and shares the rest, as WordprocessingML requires.</summary>
    public DocxBody Table(IReadOnlyList<string> heading, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = Word.BorderValues.Single;
        var widths = ColumnWidths(heading.Count);
        var table = new Word.Table(new Word.TableProperties(
            new Word.TableStyle { Val = "TableGrid" },
            new Word.TableWidth { Type = Word.TableWidthUnitValues.Dxa, Width = TextWidth.ToString(CultureInfo.InvariantCulture) },
            new Word.TableBorders(new Word.TopBorder { Val = border, Size = 4 }, new Word.BottomBorder { Val = border, Size = 4 },
                new Word.LeftBorder { Val = border, Size = 4 }, new Word.RightBorder { Val = border, Size = 4 },
                new Word.InsideHorizontalBorder { Val = border, Size = 4 }, new Word.InsideVerticalBorder { Val = border, Size = 4 }),
            new Word.TableLayout { Type = Word.TableLayoutValues.Fixed },
            new Word.TableLook { Val = "04A0", FirstRow = true }),
            new Word.TableGrid([.. widths.Select(w => new Word.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })]));
        var head = Row(heading, widths, bold: true);
        head.PrependChild(new Word.TableRowProperties(new Word.TableHeader()));
        table.Append(head);
        foreach (var row in rows)
            table.Append(Row(row, widths, bold: false));
        _body.Append(table);
        return this;
    }

    private static int[] ColumnWidths(int columns)
    {
        if (columns <= 1)
            return [TextWidth];
        var first = TextWidth / 3;
        var rest = (TextWidth - first) / (columns - 1);
        return [TextWidth - rest * (columns - 1), .. Enumerable.Repeat(rest, columns - 1)];
    }

    // A row has exactly as many cells as the grid has columns: short rows are padded, long ones cut.
    private static Word.TableRow Row(IReadOnlyList<string> cells, int[] widths, bool bold) => new([.. widths.Select((width, i) => new Word.TableCell(
        new Word.TableCellProperties(new Word.TableCellWidth { Type = Word.TableWidthUnitValues.Dxa, Width = width.ToString(CultureInfo.InvariantCulture) }),
        Build(i < cells.Count ? cells[i] : "", bold, false, null, false)))]);

    private static Word.Paragraph Build(string text, bool bold, bool italic, int? size, bool center)
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
}
