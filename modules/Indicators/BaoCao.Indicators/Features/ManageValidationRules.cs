using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;
using BaoCao.Indicators.Persistence;

namespace BaoCao.Indicators.Features;

/// <summary>
/// Province administrators keep the data checks run at entry time: two expressions over indicators, an operator, an
/// importance and the Vietnamese message the officer reads ("Thu nội địa không được lớn hơn tổng thu NSNN"). Both
/// sides are checked like any formula; a rule is changed with the version seen and retired rather than deleted.
/// </summary>
internal static class ManageValidationRules
{
    internal sealed record List : IQuery<Result<IReadOnlyList<RuleView>>>;

    internal sealed record RuleView(string Code, string Name, string Left, string Operator, string Right, string Importance, string Message,
        bool Active, long Version, IReadOnlyList<string> Indicators);

    internal sealed record Save(string? Code, string? Name, string? Left, string? Operator, string? Right, string? Importance, string? Message, long? Version)
        : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
    }

    internal sealed record Deactivate(string Code) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
    }

    internal sealed record Check(IReadOnlyDictionary<string, decimal?>? Values) : IQuery<Result<IReadOnlyList<Indicators.Contracts.RuleViolation>>>;

    internal sealed class SaveValidator : AbstractValidator<Save>
    {
        public SaveValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Cần nhập mã quy tắc.")
                .Must(c => c is null || CatalogueSnapshot.CodePattern().IsMatch(Codes.Normalize(c))).WithMessage("Mã gồm chữ in hoa không dấu, số, dấu gạch dưới.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên quy tắc.").MaximumLength(300).WithMessage("Tên quy tắc dài quá 300 ký tự.");
            RuleFor(c => c.Operator).Must(o => o is not null && ValidationRule.Operators.Contains(o.Trim()))
                .WithMessage($"Phép so sánh phải là một trong: {string.Join(" ", ValidationRule.Operators)}.");
            RuleFor(c => c.Importance).Must(i => Labels.Parse(i, Labels.Importances) is not null)
                .WithMessage($"Mức độ phải là một trong: {Labels.Choices(Labels.Importances)}.");
            RuleFor(c => c.Message).NotEmpty().WithMessage("Cần nhập thông báo cho người nhập liệu.").MaximumLength(1000).WithMessage("Thông báo dài quá 1000 ký tự.");
        }
    }

    internal sealed class Handler(IndicatorsDbContext db, ISender sender)
        : IQueryHandler<List, Result<IReadOnlyList<RuleView>>>, ICommandHandler<Save, Result<long>>, ICommandHandler<Deactivate, Result>,
          IQueryHandler<Check, Result<IReadOnlyList<Indicators.Contracts.RuleViolation>>>
    {
        public async ValueTask<Result<IReadOnlyList<RuleView>>> Handle(List query, CancellationToken cancellationToken) =>
            Result.Ok<IReadOnlyList<RuleView>>([.. (await db.ValidationRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken)).Select(r => new RuleView(r.Code, r.Name,
                r.Left, r.Operator, r.Right, r.Importance.ToString(), r.Message, r.Active, r.Version,
                [.. (CompiledFormula.Compile(r.AsFormula).Formula?.Codes ?? []).Order()]))]);

        public async ValueTask<Result<long>> Handle(Save command, CancellationToken cancellationToken)
        {
            if (await RefusedAsync(cancellationToken) is { } refused)
                return Result<long>.From(refused);
            var catalogue = await CatalogueSnapshot.LoadAsync(db, sender, cancellationToken, withUnits: false);
            var errors = new List<ResultError>();
            foreach (var (side, text) in new[] { ("left", command.Left), ("right", command.Right) })
            {
                var check = catalogue.CheckFormula(text, null);
                errors.AddRange(check.Errors.Select(e => new ResultError($"{e.Message} (vị trí {e.Position + 1})", side)));
            }
            if (errors.Count > 0)
                return Result<long>.Invalid(errors);
            var code = Codes.Normalize(command.Code!);
            var importance = Labels.Parse(command.Importance, Labels.Importances)!.Value;
            var rule = await db.ValidationRules.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
            if (rule is null)
            {
                rule = new ValidationRule(code, command.Name!, command.Left!, command.Operator!.Trim(), command.Right!, importance, command.Message!);
                db.ValidationRules.Add(rule);
            }
            else
            {
                if (command.Version is not { } seen)
                    return Result<long>.Invalid($"Quy tắc '{code}' đã có: cần gửi kèm phiên bản (version) bạn đã xem để sửa.", "version");
                db.ExpectVersion(rule, seen);
                rule.Change(command.Name!, command.Left!, command.Operator!.Trim(), command.Right!, importance, command.Message!);
            }
            await db.SaveChangesAsync(cancellationToken);
            return rule.Version;
        }

        public async ValueTask<Result> Handle(Deactivate command, CancellationToken cancellationToken)
        {
            if (await RefusedAsync(cancellationToken) is { } refused)
                return refused;
            var code = Codes.Normalize(command.Code);
            var rule = await db.ValidationRules.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
            if (rule is null)
                return Result.NotFound($"Không có quy tắc mã '{command.Code}'.");
            rule.Deactivate();
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result<IReadOnlyList<Indicators.Contracts.RuleViolation>>> Handle(Check query, CancellationToken cancellationToken) =>
            Result.Ok(await sender.Send(new Indicators.Contracts.CheckDataRules(query.Values ?? new Dictionary<string, decimal?>()), cancellationToken));

        private async Task<Result?> RefusedAsync(CancellationToken cancellationToken) =>
            await sender.Send(new CheckProvinceWideAccess(Permissions.ManageIndicators), cancellationToken)
                ? null
                : Result.Forbidden("Chỉ quản trị hệ thống cấp tỉnh mới quản lý quy tắc kiểm tra số liệu.");
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var rules = app.MapGroup("/api/indicators/validation-rules").WithTags("Chỉ số");
            rules.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new List(), ct)).ToHttpResult())
                .WithSummary("Quy tắc kiểm tra số liệu");
            rules.MapPost("", async (Save command, ISender sender, CancellationToken ct) =>
                    (await sender.Send(command, ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Thêm hoặc sửa quy tắc kiểm tra (sửa cần version đã xem)");
            rules.MapPost("/{code}/deactivate", async (string code, ISender sender, CancellationToken ct) => (await sender.Send(new Deactivate(code), ct)).ToHttpResult())
                .WithSummary("Ngừng áp dụng quy tắc kiểm tra");
            rules.MapPost("/check", async (Check query, ISender sender, CancellationToken ct) => (await sender.Send(query, ct)).ToHttpResult())
                .WithSummary("Chạy các quy tắc trên một bộ giá trị (như khi nhập liệu)");
        }
    }
}
