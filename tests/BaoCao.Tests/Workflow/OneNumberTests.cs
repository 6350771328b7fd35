using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BaoCao.SharedKernel.Files;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Workflow;

/// <summary>
/// One indicator × unit × period shows one number everywhere. A new form used to show "same period last year" blank and
/// a year to date made of its own drafts in the grid and its workbook, while the report read the approved store of the
/// regime's other form (1.508,8 and 13.428,0): now the history columns of the grid, its Excel workbook, the report
/// table, the report's .xlsx and the dashboards all read the approved store by indicator and unit.
/// </summary>
public sealed class OneNumberTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Same_period_last_year_and_year_to_date_are_the_same_in_the_grid_workbook_report_export_and_dashboard(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var admin = await app.SignedInAsAsync("admin");
        // The department's budget revenue was approved on another form: October 2025 and January – August 2026 (September not).
        await Dashboards.ApprovedFeed.AppendAsync(app, [("STC", "THU_NSNN", "202510", 987.65m),
            .. Enumerable.Range(1, 8).Select(m => ("STC", "THU_NSNN", $"2026{m:00}", (decimal?)(100m * m + 0.25m)))]);
        // A new regime and form reporting the same indicator.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/regimes", new
        {
            code = "BC-THU-MOI", name = "Báo cáo nhanh thu ngân sách", content = "Số thu ngân sách trong tháng.", kind = "Periodic", frequency = "Month",
            reportingUnits = new[] { "STC" }, receivingUnit = "VP-UBND", ownerUnit = "VP-UBND", sendingMethod = "Hệ thống thông tin báo cáo",
            outline = new[] { new { title = "I. Đánh giá" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/forms", new
        {
            code = "BM-THU-MOI", name = "Biểu thu ngân sách nhanh", regimeCode = "BC-THU-MOI", ownerUnit = "VP-UBND",
            layout = new { sections = new[] { new { title = "Thu", rows = new[] { new { indicator = "THU_NSNN", required = true } } } }, columns = new[] { "current", "lastyear", "ytd" } },
        })).StatusCode);
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/forms/BM-THU-MOI")).GetProperty("concurrencyVersion").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-THU-MOI/publish", new { effectiveFrom = "2026-01-01", version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/forms/BM-THU-MOI/assignments", new { units = new[] { "STC" }, from = "2026-01-01" })).StatusCode);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var leader = await app.SignedInAsAsync("lanhdao.stc");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/api/forms/data", new
            { formCode = "BM-THU-MOI", unitCode = "STC", period = "202610", values = new[] { new { indicator = "THU_NSNN", value = 1_234.5m } } })).StatusCode);

        // What the approved store holds, read through the dashboards' query API (the units' own figures).
        async Task<decimal?> ApprovedAsync(string period)
        {
            var point = (await leader.GetFromJsonAsync<JsonElement>($"/api/dashboards/query?indicator=THU_NSNN&units=STC&from={period}&to={period}&rollup=false"))
                .GetProperty("series")[0].GetProperty("points")[0].GetProperty("value");
            return point.ValueKind == JsonValueKind.Null ? null : point.GetDecimal();
        }
        var lastYear = await ApprovedAsync("202510");
        var earlier = new List<decimal>();
        for (var month = 1; month <= 9; month++)
            if (await ApprovedAsync($"2026{month:00}") is { } figure)
                earlier.Add(figure);
        Assert.Equal(987.7m, lastYear); // 987.65 stored, shown at the indicator's one decimal, halves away from zero
        Assert.Equal(8, earlier.Count); // January – August approved; September not
        var yearToDate = Enumerable.Range(1, 8).Sum(m => 100m * m + 0.25m) + 1_234.5m; // 4.836,5: summed exactly, then shown

        static List<decimal?> Numbers(byte[] workbook, string rowText)
        {
            var sheet = OfficeFiles.ReadXlsx(new MemoryStream(workbook))!.First(s => s.Cells.Any(c => c.Text?.Contains(rowText, StringComparison.Ordinal) == true));
            var row = sheet.Cells.First(c => c.Text?.Contains(rowText, StringComparison.Ordinal) == true).Row;
            return [.. sheet.Cells.Where(c => c.Row == row && c.Number is not null).OrderBy(c => c.Column).Select(c => c.Number)];
        }

        // 1–2. The grid and its Excel workbook (both open the same sheet).
        var grid = Numbers(await officer.GetByteArrayAsync("/api/forms/excel?formCode=BM-THU-MOI&unitCode=STC&period=202610"), "Tổng thu ngân sách");
        // 3–4. The report table and its .xlsx, once the form's October data is approved.
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync("/api/workflow/submissions/BM-THU-MOI/STC/202610/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/workflow/submissions/BM-THU-MOI/STC/202610/approve", null)).StatusCode);
        var report = await (await officer.PostAsJsonAsync("/api/workflow/reports", new { regimeCode = "BC-THU-MOI", unitCode = "STC", period = "202610" })).Content.ReadFromJsonAsync<JsonElement>();
        var row = report.GetProperty("tables")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "THU_NSNN");
        var reportValues = row.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal()).ToList();
        var exported = Numbers(await officer.GetByteArrayAsync("/api/workflow/reports/BC-THU-MOI/STC/202610/export?format=xlsx"), "Tổng thu ngân sách");
        // 5. The dashboards: October's figure once projected, last year's as stored.
        await Eventually.TrueAsync(async () => await ApprovedAsync("202610") == 1_234.5m, "October's approval reaches the dashboards");

        Assert.Equal([1_234.5m, lastYear, yearToDate], grid[..3]); // then the hidden version column the upload checks
        Assert.Equal([1_234.5m, lastYear, yearToDate], reportValues);
        Assert.Equal([1_234.5m, lastYear, yearToDate], exported);
        // The year to date says it holds 9 of October's 10 months.
        Assert.Contains("9/10", row.GetProperty("reasons")[2].GetString());
    }
}
