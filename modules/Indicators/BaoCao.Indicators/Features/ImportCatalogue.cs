using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;
using BaoCao.Indicators.Files;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Indicators.Features;

/// <summary>
/// An administrator imports indicators from .xlsx or JSON (the export's format). Every row is checked as the editor
/// would check it — rows may refer to rows further down — and the report lists each bad row with its reasons. Nothing
/// is written unless the whole file is valid, or the administrator explicitly accepts the valid rows (rows depending on
/// a bad row are then bad too). New codes are created; known codes get a new version when their definition changed.
/// All of it is one transaction.
/// </summary>
internal static class ImportCatalogue
{
    public const int MaximumBytes = 5 * 1024 * 1024;

    internal sealed record Command(byte[] Content, string FileName, bool AcceptValidRows, bool DryRun) : ICommand<Result<Report>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    /// <param name="Valid">Every row is valid.</param>
    /// <param name="Written">The valid rows were saved.</param>
    internal sealed record Report(bool Valid, bool Written, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<RowReport> Errors);

    /// <param name="Row">Excel row number (headings are row 1) or position in the JSON array; 0 for the disaggregations.</param>
    internal sealed record RowReport(int Row, string? Code, IReadOnlyList<ResultError> Errors);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Content).Must(c => c.Length > 0).WithMessage("Tệp đang trống.")
                .Must(c => c.Length <= MaximumBytes).WithMessage("Tệp lớn hơn 5 MB.");
            RuleFor(c => c.FileName).Must(n => n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .WithMessage("Chỉ nhận tệp .xlsx hoặc .json.");
        }
    }

    private sealed record Planned(IndicatorRow Row, string Code, IndicatorDefinition? Definition, bool Activate, DateOnly ValidFrom, List<ResultError> Errors);

    internal sealed class Handler(IndicatorsDbContext db, ISender sender, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result<Report>>
    {
        public async ValueTask<Result<Report>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (content, readError) = CatalogueFile.Read(new MemoryStream(command.Content), command.FileName);
            if (content is null)
                return Result<Report>.Invalid(readError!, "file");
            var catalogue = await CatalogueSnapshot.LoadAsync(db, sender, cancellationToken);
            var existing = await db.Indicators.ToDictionaryAsync(i => i.Code, cancellationToken);
            var report = new List<RowReport>();
            var newCategories = CheckCategories(content.Categories, catalogue, report, await db.Categories.AsNoTracking().ToListAsync(cancellationToken));

            foreach (var row in content.Indicators)
            {
                var code = Codes.Normalize(row.Input.Code);
                if (code is not null && CatalogueSnapshot.CodePattern().IsMatch(code) && !existing.ContainsKey(code))
                    catalogue.IncludeProvisional(new FormulaReference(code, Labels.Parse(row.Input.ValueType, Labels.ValueTypes) ?? IndicatorValueType.Decimal,
                        Labels.Parse(row.Input.AggregationOverTime, Labels.OverTime) ?? TimeAggregation.Sum, IndicatorStatus.Active, row.Input.Formula));
            }
            var today = VietnamTime.Today(clock);
            var seen = new HashSet<string>();
            var access = new Dictionary<string, bool>();
            var planned = new List<Planned>();
            foreach (var row in content.Indicators)
                planned.Add(await PlanAsync(row, catalogue, existing, seen, access, today, cancellationToken));
            RejectDependentsOfBadRows(planned, existing);

            var bad = planned.Where(p => p.Errors.Count > 0).ToList();
            report.AddRange(bad.Select(p => new RowReport(p.Row.Row, p.Code, p.Errors)));
            var valid = report.Count == 0;
            var write = !command.DryRun && (valid || command.AcceptValidRows);
            int created = 0, updated = 0, unchanged = 0;
            var by = user.UserName ?? "system";
            var now = clock.GetUtcNow();
            foreach (var plan in planned.Where(p => p.Errors.Count == 0))
            {
                if (!existing.TryGetValue(plan.Code, out var indicator))
                {
                    created++;
                    if (write)
                        db.Indicators.Add(Indicator.Create(plan.Code, plan.Definition!, plan.Activate, plan.ValidFrom, now, by));
                    continue;
                }
                var changes = indicator.Current.Definition != plan.Definition || (plan.Activate && indicator.Status == IndicatorStatus.Draft);
                if (!changes)
                {
                    unchanged++;
                    continue;
                }
                updated++;
                if (!write)
                    continue;
                indicator.Amend(plan.Definition!, plan.ValidFrom, $"Nhập từ tệp {command.FileName}", now, by);
                if (plan.Activate)
                    indicator.Activate();
                db.Entry(indicator).Property(i => i.Version).IsModified = true;
            }
            if (write)
            {
                db.Categories.AddRange(newCategories);
                await db.SaveChangesAsync(cancellationToken);
            }
            return new Report(valid, write, content.Indicators.Count, created, updated, unchanged, [.. report.OrderBy(r => r.Row)]);
        }

        private static List<Category> CheckCategories(IReadOnlyList<CategoryRow> rows, CatalogueSnapshot catalogue, List<RowReport> report, List<Category> known)
        {
            var added = new List<Category>();
            foreach (var row in rows)
            {
                var code = Codes.Normalize(row.Code) ?? "";
                var options = (row.Options ?? []).Select(o => (Code: Codes.Normalize(o.Code) ?? "", Name: o.Name?.Trim() ?? "")).ToList();
                var errors = new List<ResultError>();
                if (!CatalogueSnapshot.CodePattern().IsMatch(code))
                    errors.Add(new("Mã phân tổ không hợp lệ.", "disaggregations"));
                if (string.IsNullOrWhiteSpace(row.Name))
                    errors.Add(new($"Phân tổ '{code}' cần tên.", "disaggregations"));
                if (options.Count < 2 || options.Any(o => !CatalogueSnapshot.CodePattern().IsMatch(o.Code) || o.Name.Length == 0)
                    || options.Select(o => o.Code).Distinct().Count() != options.Count)
                    errors.Add(new($"Phân tổ '{code}' cần ít nhất 2 lựa chọn, mỗi lựa chọn có mã riêng và tên.", "disaggregations"));
                if (errors.Count == 0 && known.SingleOrDefault(k => k.Code == code) is { } same)
                {
                    if (!same.Options.OrderBy(o => o.Order).Select(o => (o.Code, o.Name)).SequenceEqual(options))
                        errors.Add(new($"Phân tổ '{code}' đã có với các lựa chọn khác; tệp nhập không sửa phân tổ đang dùng.", "disaggregations"));
                    else
                        continue;
                }
                if (errors.Count == 0 && added.Any(a => a.Code == code))
                    errors.Add(new($"Phân tổ '{code}' xuất hiện hai lần trong tệp.", "disaggregations"));
                if (errors.Count > 0)
                {
                    report.Add(new RowReport(0, code, errors));
                    continue;
                }
                var category = new Category(code, row.Name!, options);
                added.Add(category);
                catalogue.AddCategory(category);
            }
            return added;
        }

        private async Task<Planned> PlanAsync(IndicatorRow row, CatalogueSnapshot catalogue, Dictionary<string, Indicator> existing, HashSet<string> seen,
            Dictionary<string, bool> access, DateOnly today, CancellationToken cancellationToken)
        {
            var (definition, checkErrors) = catalogue.Check(row.Input);
            var errors = checkErrors.ToList();
            var code = Codes.Normalize(row.Input.Code) ?? "";
            if (code.Length > 0 && !seen.Add(code))
                errors.Add(new($"Mã {code} xuất hiện nhiều lần trong tệp.", "code"));
            var status = Labels.Parse(row.Status, Labels.Statuses);
            if (!string.IsNullOrWhiteSpace(row.Status) && status is null)
                errors.Add(new($"Trạng thái phải là một trong: {Labels.Choices(Labels.Statuses)}.", "status"));
            var validFrom = CatalogueFile.Date(row.ValidFrom);
            if (!string.IsNullOrWhiteSpace(row.ValidFrom) && validFrom is null)
                errors.Add(new("Ngày hiệu lực phải theo dạng dd/mm/yyyy.", "validFrom"));
            existing.TryGetValue(code, out var indicator);
            foreach (var owner in new[] { definition?.OwnerUnit, indicator?.Current.Definition.OwnerUnit }.OfType<string>().Distinct())
            {
                if (!access.TryGetValue(owner, out var allowed))
                    access[owner] = allowed = await sender.Send(new CheckAccess(Permissions.ManageIndicators, owner), cancellationToken);
                if (!allowed)
                    errors.Add(new($"Đơn vị chủ trì {owner} ngoài phạm vi bạn quản trị.", "ownerUnit"));
            }
            if (status == IndicatorStatus.Retired && indicator?.Status != IndicatorStatus.Retired)
                errors.Add(new("Ngừng sử dụng chỉ số bằng chức năng riêng (có kiểm tra biểu mẫu đang dùng), không qua tệp nhập.", "status"));
            if (indicator is not null && definition is not null && indicator.Current.Definition != definition)
            {
                var from = validFrom ?? today;
                if (indicator.Status == IndicatorStatus.Retired)
                    errors.Add(new("Chỉ số đã ngừng sử dụng: không sửa được.", "code"));
                else if (indicator.Status == IndicatorStatus.Active && from <= indicator.Current.ValidFrom)
                    errors.Add(new($"Phiên bản mới phải có hiệu lực sau ngày {indicator.Current.ValidFrom:dd/MM/yyyy}.", "validFrom"));
            }
            if (definition is not null && errors.Count == 0)
                catalogue.Include(code, definition, status ?? indicator?.Status ?? IndicatorStatus.Draft);
            return new Planned(row, code, errors.Count == 0 ? definition : null, status == IndicatorStatus.Active, validFrom ?? today, errors);
        }

        // A formula or a weight naming a bad row of the file cannot be written without it.
        private static void RejectDependentsOfBadRows(List<Planned> planned, Dictionary<string, Indicator> existing)
        {
            for (var changed = true; changed;)
            {
                changed = false;
                var badRows = planned.Where(p => p.Errors.Count > 0 && !existing.ContainsKey(p.Code)).ToDictionary(p => p.Code, p => p.Row.Row);
                foreach (var plan in planned.Where(p => p.Errors.Count == 0))
                {
                    var inputs = (plan.Definition!.Formula is { } f ? CompiledFormula.Compile(f).Formula?.Codes ?? [] : [])
                        .Append(plan.Definition.WeightIndicator).OfType<string>();
                    if (inputs.FirstOrDefault(badRows.ContainsKey) is { } input)
                    {
                        plan.Errors.Add(new($"Dùng chỉ số [{input}] của dòng {badRows[input]}, dòng đó có lỗi.", "formula"));
                        changed = true;
                    }
                }
            }
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/indicators/import", async (HttpRequest request, bool? acceptValidRows, bool? dryRun, ISender sender, CancellationToken ct) =>
                {
                    if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                        return Result.Invalid("Cần gửi tệp trong trường 'file' (multipart/form-data).", "file").ToHttpResult();
                    if (file.Length > MaximumBytes)
                        return TypedResults.Problem(ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp lớn hơn 5 MB."));
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    var result = await sender.Send(new Command(buffer.ToArray(), file.FileName, acceptValidRows ?? false, dryRun ?? false), ct);
                    return result.ToHttpResult(report => report.Valid || report.Written ? Results.Ok(report) : Results.UnprocessableEntity(report));
                })
                .WithMetadata(new UploadLimit(MaximumBytes + 65_536))
                .DisableAntiforgery() // systems call it with a bearer token; the browser's cookie is SameSite=Lax and the page uses the mediator
                .RequireRateLimiting(SharedKernel.Http.RateLimits.Uploads)
                .WithTags("Chỉ số")
                .WithSummary("Nhập danh mục chỉ số từ .xlsx hoặc JSON (không ghi gì nếu có dòng lỗi, trừ khi acceptValidRows=true)");
    }
}
