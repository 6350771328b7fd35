using BaoCao.SharedKernel.Pipeline;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Forms.Features;

/// <summary>
/// An administrator designs a regime's data-entry form: sections whose rows are indicators (with their
/// disaggregations), columns from a fixed set, required cells. The draft is checked against the catalogue on every
/// save; publishing freezes it from a day on — a later change is a new draft and a new version.
/// </summary>
internal static class DesignForm
{
    internal sealed record Create(string? Code, string? Name, string? RegimeCode, string? OwnerUnit, LayoutBody? Layout) : ICommand<Result<string>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        string? IRequireAccess.UnitCode => string.IsNullOrWhiteSpace(OwnerUnit) ? null : Codes.Normalize(OwnerUnit);
    }

    internal sealed record EditDraft(string Code, string? Name, LayoutBody? Layout, long? Version) : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record Publish(string Code, DateOnly? EffectiveFrom, long? Version) : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record LayoutBody(IReadOnlyList<SectionBody?>? Sections, IReadOnlyList<string>? Columns);

    internal sealed record SectionBody(string? Title, IReadOnlyList<RowBody?>? Rows);

    internal sealed record RowBody(string? Indicator, string? Label, bool Required);

    internal sealed class CreateValidator : AbstractValidator<Create>
    {
        public CreateValidator()
        {
            RuleFor(c => c.Code).Must(c => c is not null && ManageRegimes.CodePattern().IsMatch(Codes.Normalize(c)))
                .WithMessage("Mã biểu mẫu gồm 2–64 ký tự: chữ in hoa không dấu, số, dấu gạch.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên biểu mẫu.").MaximumLength(500).WithMessage("Tên biểu mẫu dài quá 500 ký tự.").NotLikeFormula();
            RuleFor(c => c.RegimeCode).NotEmpty().WithMessage("Cần chọn chế độ báo cáo của biểu mẫu.");
            RuleFor(c => c.OwnerUnit).NotEmpty().WithMessage("Cần nêu đơn vị thiết kế biểu mẫu.");
            RuleFor(c => c.Layout).NotNull().WithMessage("Cần thiết kế biểu mẫu: các phần, dòng chỉ số và cột.");
        }
    }

    internal sealed class EditDraftValidator : AbstractValidator<EditDraft>
    {
        public EditDraftValidator()
        {
            RuleFor(c => c.Layout).NotNull().WithMessage("Cần thiết kế biểu mẫu: các phần, dòng chỉ số và cột.");
            RuleFor(c => c.Name).MaximumLength(500).WithMessage("Tên biểu mẫu dài quá 500 ký tự.").NotLikeFormula();
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của biểu mẫu bạn đã xem.");
        }
    }

    internal sealed class PublishValidator : AbstractValidator<Publish>
    {
        public PublishValidator()
        {
            RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("Cần nhập ngày bắt đầu áp dụng.");
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của biểu mẫu bạn đã xem.");
        }
    }

    internal sealed class Handler(FormsDbContext db, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Create, Result<string>>, ICommandHandler<EditDraft, Result<long>>, ICommandHandler<Publish, Result<long>>
    {
        public async ValueTask<Result<string>> Handle(Create command, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(command.Code!);
            var regimeCode = Codes.Normalize(command.RegimeCode!);
            var regime = await db.Regimes.AsNoTracking().SingleOrDefaultAsync(r => r.Code == regimeCode, cancellationToken);
            if (regime is null)
                return Result<string>.Invalid($"Không có chế độ báo cáo mã '{command.RegimeCode}'.", "regimeCode");
            if (await db.Forms.AnyAsync(f => f.Code == code, cancellationToken))
                return Result<string>.Invalid($"Mã biểu mẫu '{code}' đã được dùng.", "code");
            var (layout, errors) = await CheckAsync(command.Layout!, cancellationToken);
            if (layout is null)
                return Result<string>.Invalid(errors);
            db.Forms.Add(FormDesign.Create(code, command.Name!, regimeCode, Codes.Normalize(command.OwnerUnit!), layout));
            await db.SaveChangesAsync(cancellationToken);
            return code;
        }

        public async ValueTask<Result<long>> Handle(EditDraft command, CancellationToken cancellationToken)
        {
            var (form, refused) = await Ownership.FindFormAsync(db, sender, command.Code, tracked: true, cancellationToken);
            if (form is null)
                return Result<long>.From(refused!);
            db.ExpectVersion(form, command.Version!.Value);
            var (layout, errors) = await CheckAsync(command.Layout!, cancellationToken);
            if (layout is null)
                return Result<long>.Invalid(errors);
            if (!string.IsNullOrWhiteSpace(command.Name))
                form.Rename(command.Name);
            var draft = form.EditDraft(layout);
            if (db.Entry(draft).State == EntityState.Detached)
                db.FormVersions.Add(draft);
            db.Entry(form).Property(f => f.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
            return form.Version;
        }

        public async ValueTask<Result<long>> Handle(Publish command, CancellationToken cancellationToken)
        {
            var (form, refused) = await Ownership.FindFormAsync(db, sender, command.Code, tracked: true, cancellationToken);
            if (form is null)
                return Result<long>.From(refused!);
            db.ExpectVersion(form, command.Version!.Value);
            var previous = form.Published;
            if (form.Publish(command.EffectiveFrom!.Value, clock.GetUtcNow(), user.UserName ?? "system") is { } refusal)
                return form.Draft is null ? Result<long>.Conflict(refusal) : Result<long>.Invalid(refusal, "effectiveFrom");
            if (previous is not null)
                previous.Status = FormStatus.Superseded;
            db.Entry(form).Property(f => f.Version).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
            return form.Version;
        }

        /// <summary>The layout the body describes, checked against the catalogue, or the reasons it cannot be one.</summary>
        private async Task<(FormLayout?, IReadOnlyList<ResultError>)> CheckAsync(LayoutBody body, CancellationToken cancellationToken)
        {
            var errors = new List<ResultError>();
            var columns = new List<FormColumn>();
            foreach (var key in body.Columns ?? [])
            {
                if (FormLayout.Parse(key) is { } column && key is not null)
                {
                    if (!columns.Contains(column))
                        columns.Add(column);
                }
                else
                    errors.Add(new($"Không có loại cột '{key}'. Các cột: current, lastyear, plan, ytd, pct_lastyear, pct_plan.", "layout.columns"));
            }
            if (!columns.Contains(FormColumn.Current))
                errors.Add(new("Biểu mẫu cần cột số liệu kỳ này (current).", "layout.columns"));
            if (columns.Contains(FormColumn.PercentOfPlan) && !columns.Contains(FormColumn.Plan))
                errors.Add(new("Cột % so với kế hoạch cần cột kế hoạch (plan).", "layout.columns"));
            var sections = (body.Sections ?? []).ToList();
            if (sections.Count == 0 || sections.Any(s => s is null || string.IsNullOrWhiteSpace(s.Title) || (s.Rows?.Count ?? 0) == 0))
                errors.Add(new("Biểu mẫu cần ít nhất một phần; mỗi phần có tiêu đề và ít nhất một dòng chỉ số.", "layout.sections"));
            var codes = sections.SelectMany(s => s?.Rows ?? []).Select(r => Codes.Normalize(r?.Indicator) ?? "").ToList();
            var catalogue = (await sender.Send(new GetIndicators(codes.Where(c => c.Length > 0).Distinct().ToList(), VietnamTime.Today(clock)), cancellationToken))
                .ToDictionary(i => i.Code);
            foreach (var duplicate in codes.GroupBy(c => c).Where(g => g.Count() > 1 && g.Key.Length > 0))
                errors.Add(new($"Chỉ số {duplicate.Key} xuất hiện nhiều lần trong biểu mẫu.", "layout.sections"));
            foreach (var code in codes.Distinct())
            {
                if (code.Length == 0)
                    errors.Add(new("Mỗi dòng cần mã chỉ số.", "layout.sections"));
                else if (!catalogue.TryGetValue(code, out var indicator))
                    errors.Add(new($"Không có chỉ số mã [{code}] trong danh mục.", "layout.sections"));
                else if (indicator.Status == IndicatorStatus.Retired)
                    errors.Add(new($"Chỉ số [{code}] đã ngừng sử dụng.", "layout.sections"));
            }
            if (codes.Count > 2000)
                errors.Add(new("Một biểu mẫu có tối đa 2.000 dòng.", "layout.sections"));
            if (errors.Count > 0)
                return (null, errors);
            return (new FormLayout([.. sections.Select(s => new FormSection(s!.Title!.Trim(),
                [.. s.Rows!.Select(r => new FormRow(Codes.Normalize(r!.Indicator!), string.IsNullOrWhiteSpace(r.Label) ? null : r.Label.Trim(),
                    r.Required && !catalogue[Codes.Normalize(r.Indicator!)].IsComputed))]))], columns), []);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var forms = app.MapGroup("/api/forms").WithTags("Biểu mẫu");
            forms.MapPost("", async (Create command, ISender sender, CancellationToken ct) =>
                    (await sender.Send(command, ct)).ToHttpResult(code => Results.Created($"/api/forms/{code}", new { code })))
                .WithSummary("Thêm biểu mẫu (bản dự thảo phiên bản 1)");
            forms.MapPut("/{code}/draft", async (string code, DraftBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new EditDraft(code, body.Name, body.Layout, body.Version), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Sửa bản dự thảo (mở bản dự thảo mới sau phiên bản đã ban hành)");
            forms.MapPost("/{code}/publish", async (string code, PublishBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Publish(code, body.EffectiveFrom, body.Version), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Ban hành bản dự thảo, áp dụng từ ngày effectiveFrom");
        }
    }

    internal sealed record DraftBody(string? Name, LayoutBody? Layout, long? Version);

    internal sealed record PublishBody(DateOnly? EffectiveFrom, long? Version);
}
