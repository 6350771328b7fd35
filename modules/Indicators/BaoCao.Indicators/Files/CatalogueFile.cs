using System.Globalization;
using System.Text.Json;
using BaoCao.Indicators.Domain;
using MiniExcelLibs;

namespace BaoCao.Indicators.Files;

internal sealed record CategoryRow(string? Code, string? Name, IReadOnlyList<OptionRow>? Options);

internal sealed record OptionRow(string? Code, string? Name);

/// <param name="Row">The row in the file the administrator sees (Excel row number, or the position in the JSON array from 1).</param>
internal sealed record IndicatorRow(int Row, IndicatorInput Input, string? Status, string? ValidFrom);

internal sealed record CatalogueContent(IReadOnlyList<CategoryRow> Categories, IReadOnlyList<IndicatorRow> Indicators);

/// <summary>
/// The catalogue as a file: JSON (the API's field names) or .xlsx with a sheet "Chỉ số" (one row per indicator,
/// Vietnamese headings, groups and disaggregations as comma-separated codes) and a sheet "Phân tổ" (one row per
/// option). Exported files import back unchanged.
/// </summary>
internal static class CatalogueFile
{
    public const string IndicatorSheet = "Chỉ số";
    public const string CategorySheet = "Phân tổ";
    public const int MaximumRows = 5000;

    private static readonly string[] Headings =
    [
        "Mã", "Tên chỉ số", "Tên ngắn", "Mô tả", "Phương pháp tính", "Đơn vị tính", "Kiểu giá trị", "Số chữ số thập phân",
        "Tổng hợp theo đơn vị", "Chỉ số quyền số", "Tổng hợp theo thời gian", "Đơn vị chủ trì", "Nhóm", "Phân tổ", "Công thức",
        "Trạng thái", "Hiệu lực từ",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record JsonCatalogue(string? Format, IReadOnlyList<CategoryRow>? Disaggregations, IReadOnlyList<JsonIndicator?>? Indicators);

    private sealed record JsonIndicator(string? Code, string? Name, string? ShortName, string? Description, string? Method, string? UnitOfMeasure,
        string? ValueType, int? Precision, string? AggregationAcrossUnits, string? WeightIndicator, string? AggregationOverTime, string? OwnerUnit,
        IReadOnlyList<string>? Groups, IReadOnlyList<string>? Disaggregations, string? Formula, string? Status, string? ValidFrom);

    /// <summary>The rows of a file, or why it cannot be read at all.</summary>
    public static (CatalogueContent? Content, string? Error) Read(Stream file, string fileName)
    {
        try
        {
            return fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(file) : ReadExcel(file);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or InvalidOperationException or FormatException
                                          or NotSupportedException or System.Xml.XmlException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, $"Không đọc được tệp '{fileName}': tệp không phải .xlsx hoặc JSON đúng mẫu của danh mục chỉ số.");
        }
    }

    private static (CatalogueContent?, string?) ReadJson(Stream file)
    {
        var catalogue = JsonSerializer.Deserialize<JsonCatalogue>(file, Json);
        if (catalogue?.Indicators is null)
            return (null, "Tệp JSON cần có mảng \"indicators\".");
        if (catalogue.Indicators.Count > MaximumRows)
            return (null, $"Tệp có {catalogue.Indicators.Count} chỉ số, vượt giới hạn {MaximumRows} dòng mỗi lần nhập.");
        var rows = catalogue.Indicators.Select((i, index) => i is null
            ? new IndicatorRow(index + 1, new IndicatorInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), null, null)
            : new IndicatorRow(index + 1, new IndicatorInput(i.Code, i.Name, i.ShortName, i.Description, i.Method, i.UnitOfMeasure, i.ValueType, i.Precision,
                i.AggregationAcrossUnits, i.WeightIndicator, i.AggregationOverTime, i.OwnerUnit, i.Groups, i.Disaggregations, i.Formula), i.Status, i.ValidFrom));
        return (new CatalogueContent(catalogue.Disaggregations ?? [], [.. rows]), null);
    }

    private static (CatalogueContent?, string?) ReadExcel(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        buffer.Position = 0;
        if (SharedKernel.Files.UploadLimits.Current.CheckPackage(buffer) is { } refused)
            return (null, refused);
        var sheets = buffer.GetSheetNames();
        var indicatorSheet = sheets.FirstOrDefault(s => Same(s, IndicatorSheet)) ?? sheets.FirstOrDefault();
        if (indicatorSheet is null)
            return (null, "Tệp Excel không có trang tính nào.");
        buffer.Position = 0;
        var indicatorRows = buffer.Query(useHeaderRow: true, sheetName: indicatorSheet).Cast<IDictionary<string, object?>>().Take(MaximumRows + 1).ToList();
        if (indicatorRows.Count > MaximumRows)
            return (null, $"Tệp vượt giới hạn {MaximumRows} dòng mỗi lần nhập.");
        if (indicatorRows.Count > 0 && !indicatorRows[0].Keys.Any(k => Same(k, "Mã")))
            return (null, $"Trang tính '{indicatorSheet}' cần dòng tiêu đề của mẫu: {string.Join(", ", Headings)}.");
        var rows = new List<IndicatorRow>();
        for (var index = 0; index < indicatorRows.Count; index++)
        {
            var cells = indicatorRows[index];
            string? Cell(string heading) => Text(cells.FirstOrDefault(c => Same(c.Key, heading)).Value);
            if (Headings.All(h => string.IsNullOrWhiteSpace(Cell(h))))
                continue; // blank lines between blocks are common in hand-made sheets
            rows.Add(new IndicatorRow(index + 2, new IndicatorInput(Cell("Mã"), Cell("Tên chỉ số"), Cell("Tên ngắn"), Cell("Mô tả"), Cell("Phương pháp tính"),
                Cell("Đơn vị tính"), Cell("Kiểu giá trị"), int.TryParse(Cell("Số chữ số thập phân"), CultureInfo.InvariantCulture, out var precision) ? precision : null,
                Cell("Tổng hợp theo đơn vị"), Cell("Chỉ số quyền số"), Cell("Tổng hợp theo thời gian"), Cell("Đơn vị chủ trì"),
                List(Cell("Nhóm")), List(Cell("Phân tổ")), Cell("Công thức")), Cell("Trạng thái"), Cell("Hiệu lực từ")));
        }
        var categories = new List<CategoryRow>();
        var categorySheet = sheets.FirstOrDefault(s => Same(s, CategorySheet));
        if (categorySheet is not null)
        {
            buffer.Position = 0;
            var optionRows = buffer.Query(useHeaderRow: true, sheetName: categorySheet).Cast<IDictionary<string, object?>>()
                .Select(cells => (Code: Text(cells.FirstOrDefault(c => Same(c.Key, "Mã phân tổ")).Value), Name: Text(cells.FirstOrDefault(c => Same(c.Key, "Tên phân tổ")).Value),
                    Option: Text(cells.FirstOrDefault(c => Same(c.Key, "Mã lựa chọn")).Value), OptionName: Text(cells.FirstOrDefault(c => Same(c.Key, "Tên lựa chọn")).Value)))
                .Where(r => r.Code is not null).Take(MaximumRows).ToList();
            categories.AddRange(optionRows.GroupBy(r => r.Code!.ToUpperInvariant()).Select(g =>
                new CategoryRow(g.Key, g.First().Name, [.. g.Select(o => new OptionRow(o.Option, o.OptionName))])));
        }
        return (new CatalogueContent(categories, rows), null);
    }

    public static byte[] WriteJson(IReadOnlyList<Category> categories, IReadOnlyList<Indicator> indicators) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonCatalogue("baocao.indicators/1",
            [.. categories.Select(c => new CategoryRow(c.Code, c.Name, [.. c.Options.OrderBy(o => o.Order).Select(o => new OptionRow(o.Code, o.Name))]))],
            [.. indicators.Select(i => (i, d: i.Current.Definition)).Select(x => new JsonIndicator(x.i.Code, x.d.Name, x.d.ShortName, x.d.Description,
                x.d.Method, x.d.UnitOfMeasure, x.d.ValueType.ToString(), x.d.Precision, x.d.AcrossUnits.ToString(), x.d.WeightIndicator,
                x.d.OverTime.ToString(), x.d.OwnerUnit, x.d.GroupCodes, x.d.CategoryCodes, x.d.Formula, x.i.Status.ToString(),
                x.i.Current.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))]), Json);

    public static byte[] WriteExcel(IReadOnlyList<Category> categories, IReadOnlyList<Indicator> indicators)
    {
        var indicatorRows = indicators.Select(i =>
        {
            var d = i.Current.Definition;
            object?[] values =
            [
                i.Code, d.Name, d.ShortName, d.Description, d.Method, d.UnitOfMeasure, Labels.ValueTypes[d.ValueType], d.Precision,
                Labels.AcrossUnits[d.AcrossUnits], d.WeightIndicator, Labels.OverTime[d.OverTime], d.OwnerUnit, d.Groups, d.Categories, d.Formula,
                Labels.Statuses[i.Status], i.Current.ValidFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ];
            return Headings.Zip(values).ToDictionary(p => p.First, p => p.Second ?? (object)"");
        }).ToList();
        if (indicatorRows.Count == 0)
            indicatorRows.Add(Headings.ToDictionary(h => h, _ => (object)""));
        var optionRows = categories.SelectMany(c => c.Options.OrderBy(o => o.Order).Select(o => new Dictionary<string, object>
        {
            ["Mã phân tổ"] = c.Code, ["Tên phân tổ"] = c.Name, ["Mã lựa chọn"] = o.Code, ["Tên lựa chọn"] = o.Name,
        })).ToList();
        if (optionRows.Count == 0)
            optionRows.Add(new Dictionary<string, object> { ["Mã phân tổ"] = "", ["Tên phân tổ"] = "", ["Mã lựa chọn"] = "", ["Tên lựa chọn"] = "" });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [IndicatorSheet] = indicatorRows, [CategorySheet] = optionRows }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A date cell: an Excel date, dd/MM/yyyy or yyyy-MM-dd.</summary>
    public static DateOnly? Date(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? DateOnly.FromDateTime(moment)
        : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime moment => moment.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };

    private static IReadOnlyList<string> List(string? codes) =>
        codes is null ? [] : [.. codes.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool Same(string a, string b) => SharedKernel.Text.VietnameseText.SearchKey(a) == SharedKernel.Text.VietnameseText.SearchKey(b);
}
