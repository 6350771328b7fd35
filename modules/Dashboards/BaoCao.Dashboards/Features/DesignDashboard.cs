using System.Text.RegularExpressions;
using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// Administrators build dashboards: widgets (KPI tile, line chart, bar chart of sub-units, table, reporting completeness),
/// the default period kind and range, the unit whose subtree it shows, and its audience — a unit's leaders, a unit's
/// officers, the whole province or the public. A unit administrator builds for units they administer; only a province
/// administrator builds for the whole province or the public. Saved against the version the editor loaded.
/// </summary>
internal static partial class DesignDashboard
{
    public const int MaximumWidgets = 20;

    internal sealed record Save(string Code, string? Title, string? Description, Audience? Audience, string? UnitCode, string? PeriodKind, int? Periods,
        IReadOnlyList<WidgetInput>? Widgets, long Version) : ICommand<Result<Definition>>, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Người khác vừa sửa hoặc tạo bảng điều khiển này. Hãy tải lại để xem bản mới nhất.";
    }

    internal sealed record WidgetInput(WidgetKind? Kind, string? Title, IReadOnlyList<string>? Indicators, bool? Rollup, string? Regime);

    internal sealed record Delete(string Code) : ICommand<Result>;

    internal sealed record Get(string Code) : IQuery<Result<Definition>>;

    internal sealed record Definition(string Code, string Title, string? Description, Audience Audience, string UnitCode, string PeriodKind, int Periods,
        IReadOnlyList<Widget> Widgets, long Version, DateTimeOffset UpdatedAt, string UpdatedBy)
    {
        public static Definition Of(Dashboard d) =>
            new(d.Code, d.Title, d.Description, d.Audience, d.UnitCode, d.PeriodKind, d.Periods, d.Widgets, d.Version, d.UpdatedAt, d.UpdatedBy);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{1,63}$")]
    private static partial Regex CodePattern();

    internal sealed class Validator : AbstractValidator<Save>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Must(c => CodePattern().IsMatch(Codes.Normalize(c)) && Codes.Normalize(c) != "THIET-KE")
                .WithMessage("Mã bảng điều khiển gồm 2–64 chữ cái không dấu, chữ số, '-' hoặc '_' (trừ THIET-KE).");
            RuleFor(c => c.Title).NotEmpty().WithMessage("Cần tên bảng điều khiển.").MaximumLength(300).WithMessage("Tên dài quá 300 ký tự.");
            RuleFor(c => c.Description).MaximumLength(2000).WithMessage("Mô tả dài quá 2.000 ký tự.");
            RuleFor(c => c.Audience).NotNull().WithMessage("Chọn đối tượng xem: UnitLeaders, UnitOfficers, Province hoặc Public.");
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Chọn đơn vị của bảng điều khiển.");
            RuleFor(c => c.PeriodKind).Must(k => k is "Month" or "Quarter" or "HalfYear" or "Year")
                .WithMessage("Loại kỳ là Month (tháng), Quarter (quý), HalfYear (6 tháng) hoặc Year (năm).");
            RuleFor(c => c.Periods).InclusiveBetween(1, 60).WithMessage("Số kỳ hiển thị từ 1 đến 60.");
            RuleFor(c => c.Widgets).NotEmpty().WithMessage("Thêm ít nhất một tiện ích.")
                .Must(w => w is null || w.Count <= MaximumWidgets).WithMessage($"Tối đa {MaximumWidgets} tiện ích.");
            RuleForEach(c => c.Widgets).ChildRules(widget =>
            {
                widget.RuleFor(w => w.Kind).NotNull().WithMessage("Chọn loại tiện ích: Kpi, Line, Bar, Table hoặc Completeness.");
                widget.RuleFor(w => w.Title).NotEmpty().WithMessage("Cần tiêu đề tiện ích.").MaximumLength(200).WithMessage("Tiêu đề tiện ích dài quá 200 ký tự.");
                widget.RuleFor(w => w.Indicators).NotEmpty().When(w => w.Kind != WidgetKind.Completeness).WithMessage("Chọn ít nhất một chỉ số cho tiện ích.")
                    .Must(i => i is null || i.Count <= 10).WithMessage("Một tiện ích tối đa 10 chỉ số.");
                widget.RuleFor(w => w.Regime).NotEmpty().When(w => w.Kind == WidgetKind.Completeness).WithMessage("Chọn chế độ báo cáo cho tiện ích tình hình báo cáo.");
            });
        }
    }

    internal sealed class Handler(DashboardsDbContext db, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Save, Result<Definition>>, ICommandHandler<Delete, Result>, IQueryHandler<Get, Result<Definition>>
    {
        public async ValueTask<Result<Definition>> Handle(Save command, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(command.Code);
            var unitCode = Codes.Normalize(command.UnitCode!);
            if (await sender.Send(new FindUnit(unitCode), cancellationToken) is null)
                return Result<Definition>.Invalid($"Không có đơn vị mã '{command.UnitCode}'.", "unitCode");
            var provinceWide = command.Audience is Audience.Province or Audience.Public;
            if (!await MayManageAsync(unitCode, provinceWide, cancellationToken))
                return Result<Definition>.Forbidden(provinceWide
                    ? "Chỉ quản trị cấp tỉnh tạo bảng điều khiển cho toàn tỉnh hoặc công khai."
                    : "Bạn không quản trị bảng điều khiển của đơn vị này.");
            var known = (await sender.Send(new GetIndicators([.. command.Widgets!.SelectMany(w => w.Indicators ?? []).Select(c => Codes.Normalize(c)).Distinct()]),
                cancellationToken)).Select(x => x.Code).ToHashSet();
            var widgets = new List<Widget>();
            foreach (var (input, i) in command.Widgets!.Select((w, i) => (w, i)))
            {
                var codes = (input.Indicators ?? []).Select(c => Codes.Normalize(c)).Where(c => c.Length > 0).Distinct().ToList();
                if (input.Kind == WidgetKind.Completeness)
                {
                    var regime = Codes.Normalize(input.Regime!);
                    if (await sender.Send(new GetRegime(regime), cancellationToken) is null)
                        return Result<Definition>.Invalid($"Tiện ích {i + 1}: không có chế độ báo cáo mã '{input.Regime}'.", $"widgets[{i}].regime");
                    widgets.Add(new Widget(WidgetKind.Completeness, input.Title!.Trim(), [], true, regime));
                    continue;
                }
                if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
                    return Result<Definition>.Invalid($"Tiện ích {i + 1}: không có chỉ số mã '{unknown}'.", $"widgets[{i}].indicators");
                widgets.Add(new Widget(input.Kind!.Value, input.Title!.Trim(), codes, input.Rollup ?? true));
            }

            var dashboard = await db.Dashboards.SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            if (dashboard is null)
            {
                if (command.Version != 0)
                    return Result<Definition>.Conflict("Bảng điều khiển này đã bị xóa. Hãy tạo lại.");
                db.Dashboards.Add(dashboard = new Dashboard(code));
            }
            else
            {
                if (command.Version == 0)
                    return Result<Definition>.Conflict($"Đã có bảng điều khiển mã {code}. Hãy chọn mã khác hoặc mở bảng đó để sửa.");
                if (!await MayManageAsync(dashboard.UnitCode, dashboard.Audience is Audience.Province or Audience.Public, cancellationToken))
                    return Result<Definition>.Forbidden("Bạn không quản trị bảng điều khiển này.");
                db.ExpectVersion(dashboard, command.Version);
            }
            dashboard.Title = command.Title!.Trim();
            dashboard.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
            dashboard.Audience = command.Audience!.Value;
            dashboard.UnitCode = unitCode;
            dashboard.PeriodKind = command.PeriodKind!;
            dashboard.Periods = command.Periods!.Value;
            dashboard.Widgets = widgets;
            dashboard.UpdatedAt = clock.GetUtcNow();
            dashboard.UpdatedBy = user.UserName ?? "system";
            await db.SaveChangesAsync(cancellationToken); // saved or created meanwhile: a 409 (TransactionBehavior, IConflictMessage)
            return Definition.Of(dashboard);
        }

        public async ValueTask<Result> Handle(Delete command, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(command.Code);
            var dashboard = await db.Dashboards.SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            if (dashboard is null)
                return Result.NotFound($"Không có bảng điều khiển mã '{command.Code}'.");
            if (!await MayManageAsync(dashboard.UnitCode, dashboard.Audience is Audience.Province or Audience.Public, cancellationToken))
                return Result.Forbidden("Bạn không quản trị bảng điều khiển này.");
            db.Dashboards.Remove(dashboard);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result<Definition>> Handle(Get query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Code);
            var dashboard = await db.Dashboards.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            if (dashboard is null)
                return Result<Definition>.NotFound($"Không có bảng điều khiển mã '{query.Code}'.");
            return await MayManageAsync(dashboard.UnitCode, false, cancellationToken)
                ? Definition.Of(dashboard)
                : Result<Definition>.Forbidden("Bạn không quản trị bảng điều khiển này.");
        }

        private async Task<bool> MayManageAsync(string unitCode, bool provinceWide, CancellationToken cancellationToken) =>
            provinceWide
                ? await sender.Send(new CheckProvinceWideAccess(Permissions.ManageDashboards), cancellationToken)
                : await sender.Send(new CheckAccess(Permissions.ManageDashboards, unitCode), cancellationToken);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var dashboards = app.MapGroup("/api/dashboards").WithTags("Bảng điều khiển");
            dashboards.MapGet("/{code}/definition", async (string code, ISender sender, CancellationToken ct) => (await sender.Send(new Get(code), ct)).ToHttpResult())
                .WithSummary("Thiết kế của một bảng điều khiển (để sửa)");
            dashboards.MapPut("/{code}", async (string code, SaveBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Save(code, body.Title, body.Description, body.Audience, body.UnitCode, body.PeriodKind, body.Periods, body.Widgets, body.Version ?? 0), ct)).ToHttpResult())
                .WithSummary("Tạo (version 0) hoặc sửa một bảng điều khiển");
            dashboards.MapDelete("/{code}", async (string code, ISender sender, CancellationToken ct) => (await sender.Send(new Delete(code), ct)).ToHttpResult())
                .WithSummary("Xóa một bảng điều khiển");
        }
    }

    internal sealed record SaveBody(string? Title, string? Description, Audience? Audience, string? UnitCode, string? PeriodKind, int? Periods,
        IReadOnlyList<WidgetInput>? Widgets, long? Version);
}
