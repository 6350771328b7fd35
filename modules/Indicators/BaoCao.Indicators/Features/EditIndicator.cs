using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Indicators.Features;

/// <summary>
/// An administrator of the owner unit creates an indicator (as a draft or straight into use), amends it — a new
/// version from a chosen day once it is in use, so data entered earlier keeps the version it was entered under —,
/// puts a draft into use, or retires it. Every save is checked against the catalogue (lists, owner unit, formula with
/// unknown codes, types and cycles) and against the version the administrator saw.
/// </summary>
internal static class EditIndicator
{
    internal sealed record Create(IndicatorInput Input, bool Activate, DateOnly? ValidFrom) : ICommand<Result<string>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
        string? IRequireAccess.UnitCode => string.IsNullOrWhiteSpace(Input.OwnerUnit) ? null : Codes.Normalize(Input.OwnerUnit);
    }

    internal sealed record Amend(string Code, IndicatorInput Input, DateOnly? ValidFrom, string? ChangeNote, long? Version)
        : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
        string? IRequireAccess.UnitCode => string.IsNullOrWhiteSpace(Input.OwnerUnit) ? null : Codes.Normalize(Input.OwnerUnit);
    }

    internal sealed record Activate(string Code, long? Version) : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record Retire(string Code, DateOnly? LastDay, long? Version) : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed class AmendValidator : AbstractValidator<Amend>
    {
        public AmendValidator() =>
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của chỉ số bạn đã xem, để không ghi đè thay đổi của người khác.");
    }

    internal sealed class ActivateValidator : AbstractValidator<Activate>
    {
        public ActivateValidator() =>
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của chỉ số bạn đã xem.");
    }

    internal sealed class RetireValidator : AbstractValidator<Retire>
    {
        public RetireValidator()
        {
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của chỉ số bạn đã xem.");
            RuleFor(c => c.LastDay).NotNull().WithMessage("Cần nhập ngày cuối cùng chỉ số được sử dụng.");
        }
    }

    internal sealed class Handler(IndicatorsDbContext db, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Create, Result<string>>, ICommandHandler<Amend, Result<long>>, ICommandHandler<Activate, Result<long>>, ICommandHandler<Retire, Result<long>>
    {
        private string By => user.UserName ?? "system";

        public async ValueTask<Result<string>> Handle(Create command, CancellationToken cancellationToken)
        {
            var catalogue = await CatalogueSnapshot.LoadAsync(db, sender, cancellationToken);
            var (definition, errors) = catalogue.Check(command.Input);
            if (definition is null)
                return Result<string>.Invalid(errors);
            var code = Codes.Normalize(command.Input.Code!);
            if (catalogue.Find(code) is not null)
                return Result<string>.Invalid($"Mã chỉ số '{code}' đã có trong danh mục.", "code");
            db.Indicators.Add(Indicator.Create(code, definition, command.Activate, command.ValidFrom ?? VietnamTime.Today(clock), clock.GetUtcNow(), By));
            await db.SaveChangesAsync(cancellationToken);
            return code;
        }

        public async ValueTask<Result<long>> Handle(Amend command, CancellationToken cancellationToken)
        {
            var indicator = await FindAsync(command.Code, cancellationToken);
            if (indicator is null)
                return Result<long>.NotFound($"Không có chỉ số mã '{command.Code}'.");
            if (await RefusedOwnerAsync(indicator, cancellationToken) is { } refused)
                return Result<long>.From(refused);
            db.ExpectVersion(indicator, command.Version!.Value);
            var catalogue = await CatalogueSnapshot.LoadAsync(db, sender, cancellationToken);
            var (definition, errors) = catalogue.Check(command.Input with { Code = indicator.Code });
            if (definition is null)
                return Result<long>.Invalid(errors);
            if (indicator.Amend(definition, command.ValidFrom ?? VietnamTime.Today(clock), command.ChangeNote?.Trim(), clock.GetUtcNow(), By) is { } refusal)
                return indicator.Status == IndicatorStatus.Retired ? Result<long>.Conflict(refusal) : Result<long>.Invalid(refusal, "validFrom");
            db.Entry(indicator).Property(i => i.Version).IsModified = true; // a new version row alone must still bump the indicator
            await db.SaveChangesAsync(cancellationToken);
            return indicator.Version;
        }

        public async ValueTask<Result<long>> Handle(Activate command, CancellationToken cancellationToken)
        {
            var indicator = await FindAsync(command.Code, cancellationToken);
            if (indicator is null)
                return Result<long>.NotFound($"Không có chỉ số mã '{command.Code}'.");
            if (await RefusedOwnerAsync(indicator, cancellationToken) is { } refused)
                return Result<long>.From(refused);
            db.ExpectVersion(indicator, command.Version!.Value);
            if (indicator.Activate() is { } refusal)
                return Result<long>.Conflict(refusal);
            await db.SaveChangesAsync(cancellationToken);
            return indicator.Version;
        }

        public async ValueTask<Result<long>> Handle(Retire command, CancellationToken cancellationToken)
        {
            var indicator = await FindAsync(command.Code, cancellationToken);
            if (indicator is null)
                return Result<long>.NotFound($"Không có chỉ số mã '{command.Code}'.");
            if (await RefusedOwnerAsync(indicator, cancellationToken) is { } refused)
                return Result<long>.From(refused);
            db.ExpectVersion(indicator, command.Version!.Value);
            var usedBy = (await db.Indicators.AsNoTracking().Where(i => i.Status != IndicatorStatus.Retired && i.Code != indicator.Code).ToListAsync(cancellationToken))
                .Where(i => (i.Current.Definition.Formula is { } f && (CompiledFormula.Compile(f).Formula?.Codes.Contains(indicator.Code) ?? false))
                    || i.Current.Definition.WeightIndicator == indicator.Code)
                .Select(i => i.Code).Order().ToList();
            if (usedBy.Count > 0)
                return Result<long>.Conflict($"Không thể ngừng sử dụng chỉ số {indicator.Code}: các chỉ số đang sử dụng vẫn tính từ nó ({string.Join(", ", usedBy)}). Hãy sửa hoặc ngừng các chỉ số đó trước.");
            var forms = await sender.Send(new Forms.Contracts.FindFormsUsingIndicator(indicator.Code), cancellationToken);
            if (forms.Count > 0)
                return Result<long>.Conflict($"Không thể ngừng sử dụng chỉ số {indicator.Code}: chỉ số có trong biểu mẫu đang áp dụng ({string.Join(", ", forms)}). Hãy ban hành phiên bản biểu mẫu không còn chỉ số này trước.");
            if (indicator.Retire(command.LastDay!.Value) is { } refusal)
                return Result<long>.Invalid(refusal, "lastDay");
            await db.SaveChangesAsync(cancellationToken);
            return indicator.Version;
        }

        private Task<Indicator?> FindAsync(string code, CancellationToken cancellationToken)
        {
            var normalized = Codes.Normalize(code);
            return db.Indicators.SingleOrDefaultAsync(i => i.Code == normalized, cancellationToken);
        }

        // The request names the new owner; the current owner must be in the administrator's scope too.
        private async Task<Result?> RefusedOwnerAsync(Indicator indicator, CancellationToken cancellationToken) =>
            await sender.Send(new CheckAccess(Permissions.ManageIndicators, indicator.Current.Definition.OwnerUnit), cancellationToken)
                ? null
                : Result.Forbidden($"Chỉ số {indicator.Code} do đơn vị {indicator.Current.Definition.OwnerUnit} chủ trì, ngoài phạm vi bạn quản trị.");
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var indicators = app.MapGroup("/api/indicators").WithTags("Chỉ số");
            indicators.MapPost("", async (IndicatorBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Create(body.Input, body.Status is not null && Labels.Parse(body.Status, Labels.Statuses) == IndicatorStatus.Active, body.ValidFrom), ct))
                    .ToHttpResult(code => Results.Created($"/api/indicators/{code}", new { code })))
                .WithSummary("Thêm chỉ số (dự thảo, hoặc status = Active để đưa ngay vào sử dụng)");
            indicators.MapPut("/{code}", async (string code, IndicatorBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Amend(code, body.Input, body.ValidFrom, body.ChangeNote, body.Version), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Sửa chỉ số: với chỉ số đang sử dụng, tạo phiên bản mới có hiệu lực từ validFrom");
            indicators.MapPost("/{code}/activate", async (string code, VersionBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Activate(code, body.Version), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Đưa chỉ số dự thảo vào sử dụng");
            indicators.MapPost("/{code}/retire", async (string code, RetireBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Retire(code, body.LastDay, body.Version), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Ngừng sử dụng chỉ số (bị từ chối khi biểu mẫu đang áp dụng hoặc chỉ số khác còn dùng nó)");
        }
    }

    internal sealed record IndicatorBody(string? Code, string? Name, string? ShortName, string? Description, string? Method, string? UnitOfMeasure,
        string? ValueType, int? Precision, string? AggregationAcrossUnits, string? WeightIndicator, string? AggregationOverTime, string? OwnerUnit,
        IReadOnlyList<string>? Groups, IReadOnlyList<string>? Disaggregations, string? Formula, string? Status, DateOnly? ValidFrom,
        string? ChangeNote, long? Version)
    {
        public IndicatorInput Input => new(Code, Name, ShortName, Description, Method, UnitOfMeasure, ValueType, Precision,
            AggregationAcrossUnits, WeightIndicator, AggregationOverTime, OwnerUnit, Groups, Disaggregations, Formula);
    }

    internal sealed record VersionBody(long? Version);

    internal sealed record RetireBody(DateOnly? LastDay, long? Version);
}
