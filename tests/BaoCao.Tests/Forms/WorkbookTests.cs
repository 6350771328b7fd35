using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BaoCao.Tests.Forms;

/// <summary>The Excel round trip of a form. In the downloaded BM-TC-THANG sheet, row 6 is THU_NSNN and row 7 THU_NOI_DIA;
/// column A holds the hidden indicator code, B the disaggregation, E the value of the period.</summary>
public sealed class WorkbookTests
{
    private const string Download = "/api/forms/excel?formCode=BM-TC-THANG&unitCode=STC&period=202610";

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_downloaded_workbook_comes_back_unchanged_and_an_edited_one_is_previewed_before_it_is_written(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var workbook = await officer.GetByteArrayAsync(Download);

        var unchanged = await ReportAsync(await UploadAsync(officer, workbook, "?dryRun=true"));
        var edited = Edit(workbook, ("E6", "1.650,5"), ("E7", 1400.2m));
        var preview = await ReportAsync(await UploadAsync(officer, edited, "?dryRun=true"));
        var before = await ValueAsync(officer, "THU_NSNN");
        var written = await ReportAsync(await UploadAsync(officer, edited, ""));

        Assert.Equal((true, 0, 0), (unchanged.GetProperty("valid").GetBoolean(), unchanged.GetProperty("imported").GetInt32(), unchanged.GetProperty("updated").GetInt32()));
        Assert.Equal((true, false, 2), (preview.GetProperty("valid").GetBoolean(), preview.GetProperty("written").GetBoolean(), preview.GetProperty("updated").GetInt32()));
        Assert.NotEqual(1650.5m, before);
        Assert.True(written.GetProperty("written").GetBoolean());
        Assert.Equal(1650.5m, await ValueAsync(officer, "THU_NSNN"));
        Assert.Equal(1400.2m, await ValueAsync(officer, "THU_NOI_DIA"));
    }

    [Fact]
    public async Task Bad_files_get_clear_errors_per_cell_and_write_nothing_unless_the_valid_cells_are_accepted()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var workbook = await officer.GetByteArrayAsync(Download);
        var original = await ValueAsync(officer, "THU_NOI_DIA");

        var textInNumber = await UploadAsync(officer, Edit(workbook, ("E6", "mười"), ("E7", 1200m)), "");
        var textReport = await ReportAsync(textInNumber);
        var unchangedAfterRefusal = await ValueAsync(officer, "THU_NOI_DIA");
        var accepted = await ReportAsync(await UploadAsync(officer, Edit(workbook, ("E6", "mười"), ("E7", 1200m)), "?acceptValidCells=true"));
        workbook = await officer.GetByteArrayAsync(Download);
        var tampered = await ReportAsync(await UploadAsync(officer, Edit(workbook, ("A7", "THU_GIA")), "?dryRun=true"));
        var duplicated = await ReportAsync(await UploadAsync(officer, Edit(workbook, ("A8", "THU_NSNN")), "?dryRun=true"));
        var catalogue = await UploadAsync(officer, await officer.GetByteArrayAsync("/api/indicators/export?format=xlsx"), "");
        var notExcel = await UploadAsync(officer, "không phải excel"u8.ToArray(), "");
        var huge = await UploadAsync(officer, new byte[50 * 1024 * 1024], "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, textInNumber.StatusCode);
        Assert.False(textReport.GetProperty("written").GetBoolean());
        var error = textReport.GetProperty("errors")[0];
        Assert.Equal(("E6", "THU_NSNN"), (error.GetProperty("cell").GetString(), error.GetProperty("indicator").GetString()));
        Assert.Contains("không phải số", error.GetProperty("message").GetString());
        Assert.Equal(original, unchangedAfterRefusal);
        Assert.True(accepted.GetProperty("written").GetBoolean());
        Assert.Equal(1200m, await ValueAsync(officer, "THU_NOI_DIA"));
        Assert.Equal(["Dòng 7: mã ẩn 'THU_GIA' không có trong biểu mẫu — tệp đã bị sửa mã. Hãy tải mẫu mới."], Messages(tampered));
        Assert.Equal(["Dòng 8 trùng với dòng 6 (cùng chỉ số, cùng phân tổ)."], Messages(duplicated));
        Assert.Equal(HttpStatusCode.BadRequest, catalogue.StatusCode);
        Assert.Contains("không phải mẫu biểu", (await catalogue.ReadProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, notExcel.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task A_cell_saved_by_someone_else_after_the_download_is_reported_not_overwritten()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var workbook = await officer.GetByteArrayAsync(Download);
        await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_NSNN", value = 1777 } } });

        var report = await ReportAsync(await UploadAsync(officer, Edit(workbook, ("E6", 1500m)), ""));

        Assert.False(report.GetProperty("written").GetBoolean());
        Assert.Contains("giá trị hiện tại 1777", report.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1777m, await ValueAsync(officer, "THU_NSNN"));
    }

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_downloaded_workbook_with_the_values_and_Vietnamese_headings()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var officer = await app.SignedInAsAsync("canbo.stc");

        var lines = await LibreOffice.ToCsvAsync(await officer.GetByteArrayAsync(Download));
        var revenue = lines.Single(l => l.StartsWith("\"THU_NSNN\",", StringComparison.Ordinal)).Split(',').Select(c => c.Trim('"')).ToArray();

        Assert.Contains(lines, l => l.Contains("Kỳ này") && l.Contains("Cùng kỳ năm trước"));
        Assert.Equal("Tổng thu ngân sách nhà nước trên địa bàn", revenue[2]);
        Assert.Equal(await ValueAsync(officer, "THU_NSNN"), decimal.Parse(revenue[4], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string query)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "bieu.xlsx" } };
        return await client.PostAsync("/api/forms/excel" + query, form);
    }

    private static IEnumerable<string?> Messages(JsonElement report) => report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).Distinct();

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<decimal?> ValueAsync(HttpClient client, string indicator) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/forms/data?formCode=BM-TC-THANG&unitCode=STC&period=202610"))
            .GetProperty("values").EnumerateArray().Where(v => v.GetProperty("indicator").GetString() == indicator && v.GetProperty("column").GetString() == "current")
            .Select(v => (decimal?)v.GetProperty("number").GetDecimal()).SingleOrDefault();

    /// <summary>What an officer does in Excel: type a number or a text into cells of the data sheet.</summary>
    internal static byte[] Edit(byte[] workbook, params (string Cell, object Value)[] edits)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Số liệu");
            var data = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
            foreach (var (reference, value) in edits)
            {
                var cell = data.Descendants<Cell>().Single(c => c.CellReference == reference);
                cell.RemoveAllChildren();
                if (value is decimal number)
                {
                    cell.DataType = null;
                    cell.Append(new CellValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.Append(new InlineString(new Text((string)value)));
                }
            }
            data.Save();
        }
        return stream.ToArray();
    }
}
