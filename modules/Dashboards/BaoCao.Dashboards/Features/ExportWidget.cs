using System.Globalization;
using System.Text;
using BaoCao.Dashboards.Widgets;
using BaoCao.SharedKernel.Files;

namespace BaoCao.Dashboards.Features;

/// <summary>A widget's figures, as the viewer sees them with their filters, downloaded as .xlsx or .csv (UTF-8 with a
/// byte order mark, so spreadsheet programs read the Vietnamese names right; numbers with a dot decimal point).</summary>
internal static class ExportWidget
{
    internal sealed record Query(string Code, int Index, string? Format, DashboardFilters Filters) : IQuery<Result<ExportedFile>>;

    internal sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

    internal sealed class Handler(ISender sender) : IQueryHandler<Query, Result<ExportedFile>>
    {
        public async ValueTask<Result<ExportedFile>> Handle(Query query, CancellationToken cancellationToken)
        {
            var format = query.Format?.Trim().ToLowerInvariant();
            if (format is not ("xlsx" or "csv"))
                return Result<ExportedFile>.Invalid("Định dạng (format) là xlsx hoặc csv.", "format");
            var opened = await sender.Send(new ViewDashboard.Open(query.Code, query.Filters), cancellationToken);
            if (opened.Value is not { } dashboard)
                return Result<ExportedFile>.From(opened);
            if (query.Index < 0 || query.Index >= dashboard.Widgets.Count)
                return Result<ExportedFile>.NotFound($"Bảng điều khiển không có tiện ích số {query.Index}.");
            var widget = dashboard.Widgets[query.Index];
            var header = new List<object?> { widget.Kind == Domain.WidgetKind.Completeness ? "Tình trạng" : "Chỉ tiêu / đơn vị" };
            header.AddRange(widget.ColumnLabels);
            var rows = widget.Rows.Select(r => (IReadOnlyList<object?>)[r.Label, .. r.Values.Select(v => (object?)v)]).ToList();
            // A figure of a period lacking parts is said so under the table: the cells stay numbers.
            rows.AddRange(widget.Rows.Where(r => r.Partial is not null).SelectMany(r => r.Partial!.Select((p, i) => (p, i)).Where(x => x.p is not null)
                .Select(x => (IReadOnlyList<object?>)[$"Chưa đủ kỳ: {r.Label}, {widget.ColumnLabels[x.i]} có số liệu {x.p} kỳ thành phần"])));
            var name = $"{dashboard.Code}-{query.Index + 1}-{dashboard.From}-{dashboard.To}";
            if (format == "xlsx")
            {
                IReadOnlyList<object?> title = [$"{widget.Title}{(widget.UnitOfMeasure is { } u ? $" (đơn vị tính: {u})" : "")} — {dashboard.Units.FirstOrDefault(x => x.Code == dashboard.Unit)?.Name}"];
                return new ExportedFile($"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    OfficeFiles.Xlsx([("Số liệu", [title, header, .. rows])]));
            }
            var csv = new StringBuilder();
            foreach (var line in new[] { (IReadOnlyList<object?>)header }.Concat(rows))
                csv.Append(string.Join(',', line.Select(Cell))).Append("\r\n");
            return new ExportedFile($"{name}.csv", "text/csv; charset=utf-8", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())]);
        }

        private static string Cell(object? value) => value switch
        {
            null => "",
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            _ => $"\"{SharedKernel.Text.SpreadsheetText.Neutralise(value.ToString()!).Replace("\"", "\"\"")}\"",
        };
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/dashboards/{code}/widgets/{index:int}/export",
                    async (string code, int index, string? format, string? from, string? to, string? unit, string? group, ISender sender, CancellationToken ct) =>
                    {
                        var result = await sender.Send(new Query(code, index, format, new DashboardFilters(from, to, unit, group)), ct);
                        return result.Value is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : result.ToHttpResult();
                    })
                .AllowAnonymous() // public dashboards; the handler refuses the others
                .WithTags("Bảng điều khiển")
                .WithSummary("Tải số liệu của một tiện ích (.xlsx hoặc .csv), theo bộ lọc đang xem");
    }
}
