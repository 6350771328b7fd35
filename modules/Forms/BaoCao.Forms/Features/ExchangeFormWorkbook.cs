using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Files;
using BaoCao.Forms.Integration;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Text;

namespace BaoCao.Forms.Features;

/// <summary>
/// Officers who prepare figures in Excel download the form for a unit and period (pre-filled, Vietnamese headings,
/// structure protected) and upload it back. The upload is checked cell by cell first — wrong template, old form
/// version, tampered or duplicated rows, text in number cells, cells someone saved since the download — and nothing
/// is written unless every cell is valid, or the officer explicitly accepts the valid cells.
/// </summary>
internal static class ExchangeFormWorkbook
{
    public const int MaximumBytes = 10 * 1024 * 1024;

    internal sealed record Download(string? FormCode, string? UnitCode, string? Period) : IQuery<Result<Workbook>>;

    internal sealed record Workbook(byte[] Content, string FileName);

    internal sealed record Upload(byte[] Content, bool DryRun, bool AcceptValidCells) : ICommand<Result<Report>>;

    /// <param name="Valid">Every cell is valid.</param>
    /// <param name="Written">The valid cells were saved.</param>
    internal sealed record Report(string FormCode, string UnitCode, string Period, bool Valid, bool Written, int Cells, int Imported, int Updated, int Ignored,
        IReadOnlyList<WorkbookError> Errors);

    internal sealed class UploadValidator : AbstractValidator<Upload>
    {
        public UploadValidator() =>
            RuleFor(u => u.Content).Must(c => c.Length > 0).WithMessage("Tệp đang trống.").Must(c => c.Length <= MaximumBytes).WithMessage("Tệp lớn hơn 10 MB.");
    }

    internal sealed class Handler(FormsDbContext db, FormCache forms, ISender sender, TimeProvider clock)
        : IQueryHandler<Download, Result<Workbook>>, ICommandHandler<Upload, Result<Report>>
    {
        public async ValueTask<Result<Workbook>> Handle(Download query, CancellationToken cancellationToken)
        {
            var opened = await sender.Send(new OpenFormSheet.Query(query.FormCode ?? "", query.UnitCode ?? "", query.Period ?? ""), cancellationToken);
            if (opened.IsFailure)
                return Result<Workbook>.From(opened);
            var o = opened.Value!;
            var units = await sender.Send(new Indicators.Contracts.ListUnitsOfMeasure(), cancellationToken);
            var columns = o.Sheet.Layout.Columns.Select(FormLayout.Key).Select(k => (Key: k, Heading: FormLayout.Label(k), Entered: FormLayout.IsEntered(FormLayout.Parse(k)!.Value))).ToList();
            var rows = new List<WorkbookRow>();
            foreach (var section in o.Sections)
            {
                rows.Add(new WorkbookRow(null, "", section.Title, "", false, new Dictionary<string, WorkbookCell>()));
                foreach (var row in section.Rows)
                {
                    foreach (var cell in row.Cells.Where(c => c.Disaggregation.Length == 0 || !row.Computed))
                    {
                        var values = columns.ToDictionary(c => c.Key, c =>
                        {
                            var key = new CellKey(row.Indicator, c.Key, cell.Disaggregation);
                            var value = o.Sheet.Value(key);
                            // A file is an edge: figures at the indicator's precision (% columns at 2), as the grid shows them.
                            var number = SharedKernel.Text.Decimals.Round(value.Number, c.Key.StartsWith("pct", StringComparison.Ordinal) ? 2 : row.Precision);
                            return new WorkbookCell(number, value.Text, o.Sheet.Entered(key)?.Version ?? 0);
                        });
                        rows.Add(new WorkbookRow(row.Indicator, cell.Disaggregation, cell.Disaggregation.Length == 0 ? row.Label : $"    {cell.Name}",
                            units.GetValueOrDefault(row.UnitOfMeasure, row.UnitOfMeasure), !row.Computed && o.CanEdit, values));
                    }
                }
            }
            var header = new WorkbookHeader(o.FormCode, o.FormName, o.FormVersion, o.UnitCode, o.UnitName, o.Period, o.Period, columns, clock.GetUtcNow());
            return new Workbook(FormWorkbook.Write(header, rows), $"{o.FormCode}_{o.UnitCode}_{o.Period}.xlsx");
        }

        public async ValueTask<Result<Report>> Handle(Upload command, CancellationToken cancellationToken)
        {
            var (content, readError) = FormWorkbook.Read(new MemoryStream(command.Content));
            if (content is null)
                return Result<Report>.Invalid(readError!, "file");
            var resolved = await EntryTarget.ResolveAsync(db, forms, sender, content.FormCode, content.UnitCode, content.Period, cancellationToken);
            if (resolved.IsFailure)
                return Result<Report>.From(resolved);
            var target = resolved.Value!;
            if (!await sender.Send(new CheckAccess(Permissions.EnterData, content.UnitCode, content.FormCode), cancellationToken))
                return Result<Report>.Forbidden($"Bạn không có quyền nhập số liệu biểu mẫu {content.FormCode} của đơn vị {content.UnitCode}.");
            if (target.Version.Number != content.FormVersion)
                return Result<Report>.Invalid($"Tệp làm theo phiên bản {content.FormVersion} của biểu mẫu {content.FormCode}; kỳ {content.Period} dùng phiên bản {target.Version.Number}. Hãy tải mẫu mới.", "file");

            var expected = target.Version.Layout.Rows
                .SelectMany(r => new[] { "" }.Concat(target.Indicators[r.Indicator].IsComputed ? [] : target.Indicators[r.Indicator].Disaggregations.Select(d => d.Code))
                    .Select(d => (Indicator: r.Indicator, Disaggregation: d)))
                .ToHashSet();
            var errors = new List<WorkbookError>();
            var good = new List<(WorkbookValue Cell, EnterFormData.ValueBody Body)>();
            var rowOf = new Dictionary<(string, string), int>();
            foreach (var value in content.Values)
            {
                var rowNumber = int.Parse(value.Cell.AsSpan(value.Cell.IndexOfAny("0123456789".ToCharArray())));
                if (!expected.Contains((value.Indicator, value.Disaggregation)))
                {
                    errors.Add(new(value.Cell, value.Indicator, $"Dòng {rowNumber}: mã ẩn '{value.Indicator}{(value.Disaggregation.Length > 0 ? "." + value.Disaggregation : "")}' không có trong biểu mẫu — tệp đã bị sửa mã. Hãy tải mẫu mới."));
                    continue;
                }
                if (rowOf.TryGetValue((value.Indicator, value.Disaggregation), out var first) && first != rowNumber)
                {
                    errors.Add(new(value.Cell, value.Indicator, $"Dòng {rowNumber} trùng với dòng {first} (cùng chỉ số, cùng phân tổ)."));
                    continue;
                }
                rowOf[(value.Indicator, value.Disaggregation)] = rowNumber;
                var indicator = target.Indicators[value.Indicator];
                if (indicator.IsComputed)
                    continue; // computed rows are printed for reference
                JsonElement? json = null;
                if (value.Number is { } number)
                    json = JsonSerializer.SerializeToElement(number);
                else if (value.Text is { } text)
                {
                    if (indicator.ValueType is not (IndicatorValueType.Text or IndicatorValueType.YesNo) && !VietnameseNumber.TryParse(text, out _, out var error))
                    {
                        errors.Add(new(value.Cell, value.Indicator, $"{value.Cell}: {error}"));
                        continue;
                    }
                    json = JsonSerializer.SerializeToElement(text);
                }
                good.Add((value, new EnterFormData.ValueBody(value.Indicator, value.Column, value.Disaggregation, json, null, value.Version)));
            }
            var missing = expected.Where(e => !target.Indicators[e.Indicator].IsComputed && !rowOf.ContainsKey(e)).ToList();
            if (missing.Count > 0 && errors.Count == 0 && content.Values.Count > 0)
                errors.Add(new("", missing[0].Indicator, $"Tệp thiếu {missing.Count} dòng của biểu mẫu (ví dụ {missing[0].Indicator}) — các dòng đã bị xóa. Các dòng còn lại vẫn được kiểm tra."));

            var check = await sender.Send(new EnterFormData.Save(content.FormCode, content.UnitCode, content.Period, true, [.. good.Select(g => g.Body)], Source: "excel"), cancellationToken);
            if (check.IsFailure)
                return Result<Report>.From(check);
            var refused = new HashSet<(string, string, string)>();
            foreach (var conflict in check.Value!.Conflicts)
            {
                var cell = good.FirstOrDefault(g => g.Cell.Indicator == conflict.Indicator && g.Cell.Column == conflict.Column && g.Cell.Disaggregation == conflict.Disaggregation).Cell;
                errors.Add(new(cell?.Cell ?? "", conflict.Indicator, $"{cell?.Cell}: {conflict.Message}"));
                refused.Add((conflict.Indicator, conflict.Column ?? "", conflict.Disaggregation ?? ""));
            }
            var valid = errors.Count == 0;
            var write = !command.DryRun && (valid || command.AcceptValidCells);
            var summary = check.Value;
            if (write)
            {
                var saved = await sender.Send(new EnterFormData.Save(content.FormCode, content.UnitCode, content.Period, false,
                    [.. good.Where(g => !refused.Contains((g.Cell.Indicator, g.Cell.Column, g.Cell.Disaggregation))).Select(g => g.Body)], Source: "excel"), cancellationToken);
                if (saved.IsFailure)
                    return Result<Report>.From(saved);
                summary = saved.Value!;
            }
            return new Report(content.FormCode, content.UnitCode, content.Period, valid, write, content.Values.Count, summary.Imported, summary.Updated,
                summary.Ignored - summary.Conflicts.Count, [.. errors.OrderBy(e => e.Cell.Length).ThenBy(e => e.Cell)]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var excel = app.MapGroup("/api/forms/excel").WithTags("Số liệu biểu mẫu");
            excel.MapGet("", async (string? formCode, string? unitCode, string? period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Download(formCode, unitCode, period), ct)).ToHttpResult(file =>
                        Results.File(file.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName)))
                .WithSummary("Tải biểu mẫu của một đơn vị, một kỳ dưới dạng .xlsx (đã điền số liệu)");
            excel.MapPost("", async (HttpRequest request, bool? dryRun, bool? acceptValidCells, ISender sender, CancellationToken ct) =>
                {
                    if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                        return Result.Invalid("Cần gửi tệp .xlsx trong trường 'file' (multipart/form-data).", "file").ToHttpResult();
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    var result = await sender.Send(new Upload(buffer.ToArray(), dryRun ?? false, acceptValidCells ?? false), ct);
                    return result.ToHttpResult(report => report.Valid || report.Written ? Results.Ok(report) : Results.UnprocessableEntity(report));
                })
                .WithMetadata(new UploadLimit(MaximumBytes + 65_536))
                .DisableAntiforgery() // systems call it with a bearer token; the browser's cookie is SameSite=Lax and the page uses the mediator
                .RequireRateLimiting(SharedKernel.Http.RateLimits.Uploads)
                .WithSummary("Tải lên tệp .xlsx đã nhập (dryRun=true để xem trước; acceptValidCells=true để chỉ ghi các ô hợp lệ)");
        }
    }
}
