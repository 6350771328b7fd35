using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;

namespace BaoCao.Forms.Features;

/// <summary>
/// The report template of a regime: the table part (which indicators of the regime's forms, in which order, with which
/// columns) and the narrative outline (headings with guidance). Workflow assembles each report from it. Without a
/// designed table part, the report shows one table per form with all its rows.
/// </summary>
internal static class DesignReportTemplate
{
    internal sealed record Get(string Code) : IQuery<Result<Template>>;

    internal sealed record Save(string Code, IReadOnlyList<TableBody?>? Tables, long? Version) : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record TableBody(string? Title, IReadOnlyList<string>? Indicators, IReadOnlyList<string>? Columns);

    internal sealed record Template(string RegimeCode, string RegimeName, IReadOnlyList<ReportTable> Tables, IReadOnlyList<OutlineHeading> Outline, bool Designed, long Version);

    internal sealed class SaveValidator : AbstractValidator<Save>
    {
        public SaveValidator()
        {
            RuleFor(c => c.Tables).Must(t => t is { Count: > 0 and <= 50 }).WithMessage("Phần bảng số liệu có từ 1 đến 50 bảng.");
            RuleForEach(c => c.Tables).Must(t => t is not null && !string.IsNullOrWhiteSpace(t.Title) && (t.Indicators?.Count ?? 0) > 0 && (t.Columns?.Count ?? 0) > 0)
                .WithMessage("Mỗi bảng cần tiêu đề, ít nhất một chỉ số và một cột.");
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của chế độ báo cáo bạn đã xem.");
        }
    }

    internal sealed class Handler(FormsDbContext db, ISender sender) : IQueryHandler<Get, Result<Template>>, ICommandHandler<Save, Result<long>>
    {
        public async ValueTask<Result<Template>> Handle(Get query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Code);
            var regime = await db.Regimes.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
            if (regime is null)
                return Result<Template>.NotFound($"Không có chế độ báo cáo mã '{query.Code}'.");
            var tables = regime.Tables;
            if (tables.Count == 0)
            {
                var forms = await db.Forms.AsNoTracking().Where(f => f.RegimeCode == code).OrderBy(f => f.Code).ToListAsync(cancellationToken);
                tables = [.. forms.Where(f => f.Published is not null).Select(f => new ReportTable(f.Name,
                    [.. f.Published!.Layout.Rows.Select(r => r.Indicator)], [.. f.Published.Layout.Columns.Select(FormLayout.Key)]))];
            }
            return new Template(regime.Code, regime.Name, tables, regime.Outline, regime.Tables.Count > 0, regime.Version);
        }

        public async ValueTask<Result<long>> Handle(Save command, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(command.Code);
            var regime = await db.Regimes.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
            if (regime is null)
                return Result<long>.NotFound($"Không có chế độ báo cáo mã '{command.Code}'.");
            if (await Ownership.RefusedAsync(sender, regime.OwnerUnit, $"Chế độ báo cáo {code}", cancellationToken) is { } refused)
                return Result<long>.From(refused);
            db.ExpectVersion(regime, command.Version!.Value);
            var forms = await db.Forms.AsNoTracking().Where(f => f.RegimeCode == code).ToListAsync(cancellationToken);
            var available = forms.SelectMany(f => f.Versions.SelectMany(v => v.Layout.Rows.Select(r => r.Indicator))).ToHashSet();
            var errors = new List<ResultError>();
            foreach (var table in command.Tables!)
            {
                foreach (var indicator in table!.Indicators!.Select(i => Codes.Normalize(i)).Where(i => !available.Contains(i)))
                    errors.Add(new($"Bảng “{table.Title}”: chỉ số {indicator} không có trong biểu mẫu nào của chế độ {code}.", "tables"));
                foreach (var column in table.Columns!.Where(c => FormLayout.Parse(c) is null))
                    errors.Add(new($"Bảng “{table.Title}”: không có loại cột '{column}'.", "tables"));
            }
            if (errors.Count > 0)
                return Result<long>.Invalid(errors);
            regime.DesignTables(command.Tables!.Select(t => new ReportTable(t!.Title!.Trim(), [.. t.Indicators!.Select(i => Codes.Normalize(i)).Distinct()],
                [.. t.Columns!.Select(c => FormLayout.Key(FormLayout.Parse(c)!.Value)).Distinct()])));
            await db.SaveChangesAsync(cancellationToken);
            return regime.Version;
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var regimes = app.MapGroup("/api/regimes").WithTags("Chế độ báo cáo");
            regimes.MapGet("/{code}/template", async (string code, ISender sender, CancellationToken ct) => (await sender.Send(new Get(code), ct)).ToHttpResult())
                .WithSummary("Mẫu báo cáo: phần bảng số liệu và đề cương phần thuyết minh");
            regimes.MapPut("/{code}/template", async (string code, TemplateBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Save(code, body.Tables, body.Version), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Thiết kế phần bảng số liệu của mẫu báo cáo");
        }
    }

    internal sealed record TemplateBody(IReadOnlyList<TableBody?>? Tables, long? Version);
}
