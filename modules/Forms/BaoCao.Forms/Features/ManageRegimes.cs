using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Pipeline;
using System.Text.RegularExpressions;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;

namespace BaoCao.Forms.Features;

/// <summary>
/// A reporting regime with every element Decree 09/2019 Art. 7 asks for. The province office keeps province-wide
/// regimes; a unit's administrator keeps regimes of its own unit whose reporting units are its sub-units (Đ11.2b).
/// Regimes are public documents: anyone signed in reads them. An amendment keeps the regime's code and counts up.
/// </summary>
internal static partial class ManageRegimes
{
    internal sealed record Save(string? Code, RegimeBody Body, long? Version, bool IsNew) : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        string? IRequireAccess.UnitCode => string.IsNullOrWhiteSpace(Body.OwnerUnit) ? null : Codes.Normalize(Body.OwnerUnit);
    }

    internal sealed record List : IQuery<Result<IReadOnlyList<RegimeSummary>>>;

    internal sealed record Get(string Code) : IQuery<Result<RegimeDetail>>;

    internal sealed record RegimeSummary(string Code, string Name, RegimeKind Kind, Frequency? Frequency, string OwnerUnit, string ReceivingUnit, bool Active, IReadOnlyList<string> Forms);

    internal sealed record RegimeDetail(string Code, string Name, string Content, RegimeKind Kind, Frequency? Frequency, string PeriodRule, int? DueDay,
        int? DueDaysAfterWindow, DateOnly? ExplicitDueDate, DateOnly? RoundStart, DateOnly? RoundEnd, IReadOnlyList<RoundDetail> Rounds, IReadOnlyList<string> ReportingUnits,
        IReadOnlyList<string> ReportingUnitKinds, string? ReportingSubtree, string ReceivingUnit, string OwnerUnit, string SendingMethod,
        string? Guidance, LateSubmission LateSubmission, IReadOnlyList<OutlineHeading> Outline, IReadOnlyList<string> Forms, int Amendment, long Version,
        bool AllowIncompleteReportTable);

    /// <summary>A round of a thematic or ad hoc regime; <c>Period</c> is the code data is entered and reported under.</summary>
    internal sealed record RoundDetail(string Period, DateOnly Start, DateOnly End, DateOnly DueDate);

    internal sealed record RoundBody(DateOnly? Start, DateOnly? End, DateOnly? DueDate);

    /// <summary>A thematic regime lists its rounds in <c>Rounds</c>; <c>RoundStart</c>, <c>RoundEnd</c> and
    /// <c>ExplicitDueDate</c> are the shorthand for a single round (an ad hoc regime has exactly one).</summary>
    internal sealed record RegimeBody(string? Code, string? Name, string? Content, string? Kind, string? Frequency, string? PeriodRule, int? DueDay,
        int? DueDaysAfterWindow, DateOnly? ExplicitDueDate, DateOnly? RoundStart, DateOnly? RoundEnd, IReadOnlyList<RoundBody>? Rounds, IReadOnlyList<string>? ReportingUnits,
        IReadOnlyList<string>? ReportingUnitKinds, string? ReportingSubtree, string? ReceivingUnit, string? OwnerUnit, string? SendingMethod,
        string? Guidance, string? LateSubmission, IReadOnlyList<OutlineHeading>? Outline, long? Version, bool? AllowIncompleteReportTable = null);

    private static readonly string[] UnitKinds = Enum.GetNames<UnitKind>();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_.-]{1,63}$")]
    internal static partial Regex CodePattern();

    internal sealed class Validator : AbstractValidator<Save>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Must(c => c is not null && CodePattern().IsMatch(Codes.Normalize(c)))
                .WithMessage("Mã chế độ báo cáo gồm 2–64 ký tự: chữ in hoa không dấu, số, dấu gạch.").OverridePropertyName("code");
            RuleFor(c => c.Body.Name).NotEmpty().WithMessage("Cần nhập tên chế độ báo cáo.").MaximumLength(500).WithMessage("Tên dài quá 500 ký tự.").NotLikeFormula().OverridePropertyName("name");
            RuleFor(c => c.Body.Content).NotEmpty().WithMessage("Cần nêu nội dung yêu cầu báo cáo (Điều 7 Nghị định 09/2019).").MaximumLength(4000).OverridePropertyName("content");
            RuleFor(c => c.Body.Kind).Must(k => Enum.TryParse<RegimeKind>(k, true, out _)).WithMessage("Loại chế độ là Periodic (định kỳ), Thematic (chuyên đề) hoặc AdHoc (đột xuất).").OverridePropertyName("kind");
            RuleFor(c => c.Body.Frequency).Must(f => Enum.TryParse<Frequency>(f, true, out _))
                .When(c => string.Equals(c.Body.Kind, nameof(RegimeKind.Periodic), StringComparison.OrdinalIgnoreCase))
                .WithMessage("Báo cáo định kỳ cần tần suất: Month, Quarter, HalfYear, NineMonths hoặc Year.").OverridePropertyName("frequency");
            RuleFor(c => c.Body.PeriodRule).Must(r => r is null or "decree09" or "calendar").WithMessage("Thời gian chốt số liệu là decree09 hoặc calendar.").OverridePropertyName("periodRule");
            RuleFor(c => c.Body.DueDay).InclusiveBetween(1, 31).When(c => c.Body.DueDay is not null).WithMessage("Ngày hạn trong tháng từ 1 đến 31.").OverridePropertyName("dueDay");
            RuleFor(c => c.Body.DueDaysAfterWindow).InclusiveBetween(0, 90).When(c => c.Body.DueDaysAfterWindow is not null).WithMessage("Số ngày sau khi chốt số liệu từ 0 đến 90.").OverridePropertyName("dueDaysAfterWindow");
            RuleFor(c => c.Body).Custom((body, context) =>
            {
                if (string.Equals(body.Kind, nameof(RegimeKind.Periodic), StringComparison.OrdinalIgnoreCase))
                    return;
                var rounds = RoundsOf(body);
                if (rounds.Count == 0)
                    context.AddFailure("rounds",
                        "Báo cáo chuyên đề, đột xuất cần ít nhất một đợt: khoảng thời gian lấy số liệu (từ ngày – đến ngày) và ngày hạn gửi.");
                if (rounds.Count > 1 && string.Equals(body.Kind, nameof(RegimeKind.AdHoc), StringComparison.OrdinalIgnoreCase))
                    context.AddFailure("rounds", "Báo cáo đột xuất chỉ có một đợt; nhiều đợt thì chọn loại chuyên đề.");
                if (rounds.Count > 100)
                    context.AddFailure("rounds", "Tối đa 100 đợt báo cáo.");
                for (var i = 0; i < rounds.Count; i++)
                {
                    var (start, end, due) = rounds[i];
                    var which = rounds.Count == 1 ? "" : $"Đợt {i + 1}: ";
                    if (start is null || end is null || start > end)
                        context.AddFailure(rounds.Count == 1 ? "roundStart" : "rounds",
                            $"{which}cần khoảng thời gian lấy số liệu (từ ngày – đến ngày), từ ngày không sau đến ngày.");
                    else if (due is null)
                        context.AddFailure(rounds.Count == 1 ? "explicitDueDate" : "rounds", $"{which}cần ngày hạn gửi báo cáo.");
                    else if (due < start)
                        context.AddFailure(rounds.Count == 1 ? "explicitDueDate" : "rounds", $"{which}ngày hạn gửi không thể trước ngày bắt đầu lấy số liệu.");
                }
                if (rounds.Where(r => r.Start is not null && r.End is not null).GroupBy(r => (r.Start, r.End)).Any(g => g.Count() > 1))
                    context.AddFailure("rounds", "Hai đợt trùng khoảng thời gian lấy số liệu.");
            });
            RuleFor(c => c.Body).Must(b => (b.ReportingUnits?.Count ?? 0) > 0 || (b.ReportingUnitKinds?.Count ?? 0) > 0)
                .WithMessage("Cần nêu đơn vị báo cáo: danh sách đơn vị hoặc loại đơn vị.").OverridePropertyName("reportingUnits");
            RuleForEach(c => c.Body.ReportingUnitKinds).Must(k => UnitKinds.Contains(k)).WithMessage($"Loại đơn vị là một trong: {string.Join(", ", UnitKinds)}.").OverridePropertyName("reportingUnitKinds");
            RuleFor(c => c.Body.ReceivingUnit).NotEmpty().WithMessage("Cần nêu đơn vị nhận báo cáo.").OverridePropertyName("receivingUnit");
            RuleFor(c => c.Body.OwnerUnit).NotEmpty().WithMessage("Cần nêu đơn vị ban hành, quản lý chế độ báo cáo.").OverridePropertyName("ownerUnit");
            RuleFor(c => c.Body.SendingMethod).NotEmpty().WithMessage("Cần nêu phương thức gửi, nhận báo cáo.").MaximumLength(1000).OverridePropertyName("sendingMethod");
            RuleFor(c => c.Body.LateSubmission).Must(l => l is null || Enum.TryParse<LateSubmission>(l, true, out _))
                .WithMessage("Sau khi đóng tiếp nhận: AcceptAsLate (nhận, ghi là muộn) hoặc Refuse (từ chối).").OverridePropertyName("lateSubmission");
            RuleFor(c => c.Body.Outline).Must(o => o is not null && o.Count > 0 && o.All(h => h is not null && !string.IsNullOrWhiteSpace(h.Title)))
                .WithMessage("Cần đề cương báo cáo: ít nhất một đề mục có tiêu đề.").OverridePropertyName("outline");
            RuleFor(c => c.Version).NotNull().When(c => !c.IsNew).WithMessage("Cần gửi kèm phiên bản (version) bạn đã xem.").OverridePropertyName("version");
        }
    }

    /// <summary>The rounds a body states: its list, or the single-round shorthand.</summary>
    private static List<(DateOnly? Start, DateOnly? End, DateOnly? Due)> RoundsOf(RegimeBody body) =>
        body.Rounds is { Count: > 0 } rounds
            ? [.. rounds.Select(r => (r?.Start, r?.End, r?.DueDate))]
            : body.RoundStart is null && body.RoundEnd is null && body.ExplicitDueDate is null ? [] : [(body.RoundStart, body.RoundEnd, body.ExplicitDueDate)];

    internal sealed class SaveHandler(FormsDbContext db, ISender sender) : ICommandHandler<Save, Result<long>>
    {
        public async ValueTask<Result<long>> Handle(Save command, CancellationToken cancellationToken)
        {
            var body = command.Body;
            var code = Codes.Normalize(command.Code!);
            var owner = Codes.Normalize(body.OwnerUnit!);
            var units = (await sender.Send(new ListAllUnits(), cancellationToken)).Where(u => u.ValidTo is null).ToDictionary(u => u.Code);
            var errors = new List<ResultError>();
            var listed = (body.ReportingUnits ?? []).Select(u => Codes.Normalize(u)).Distinct().ToList();
            foreach (var unit in listed.Where(u => !units.ContainsKey(u)))
                errors.Add(new($"Không có đơn vị đang hoạt động mã '{unit}'.", "reportingUnits"));
            var receiving = Codes.Normalize(body.ReceivingUnit!);
            if (!units.ContainsKey(receiving))
                errors.Add(new($"Không có đơn vị đang hoạt động mã '{body.ReceivingUnit}'.", "receivingUnit"));
            var subtree = string.IsNullOrWhiteSpace(body.ReportingSubtree) ? null : Codes.Normalize(body.ReportingSubtree);
            if (subtree is not null && !units.ContainsKey(subtree))
                errors.Add(new($"Không có đơn vị đang hoạt động mã '{body.ReportingSubtree}'.", "reportingSubtree"));
            // A unit's administrator prescribes reports only to units they administer (their own unit and its sub-units).
            if (errors.Count == 0 && !await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken))
            {
                foreach (var unit in listed.Append(subtree).OfType<string>())
                {
                    if (!await sender.Send(new CheckAccess(Permissions.ManageForms, unit), cancellationToken))
                        errors.Add(new($"Đơn vị {unit} ngoài phạm vi bạn quản trị: chỉ Văn phòng UBND tỉnh ban hành chế độ báo cáo cho đơn vị khác.", "reportingUnits"));
                }
                if (subtree is null && (body.ReportingUnitKinds?.Count ?? 0) > 0)
                    errors.Add(new("Chế độ báo cáo theo loại đơn vị cần nêu đơn vị gốc (reportingSubtree) trong phạm vi bạn quản trị.", "reportingSubtree"));
            }
            if (errors.Count > 0)
                return Result<long>.Invalid(errors);

            var kind = Enum.Parse<RegimeKind>(body.Kind!, true);
            var terms = new RegimeTerms(body.Name!, body.Content!, kind, kind == RegimeKind.Periodic ? Enum.Parse<Frequency>(body.Frequency!, true) : null,
                body.PeriodRule ?? "decree09", kind == RegimeKind.Periodic && body.DueDaysAfterWindow is null ? body.DueDay ?? 20 : null,
                body.DueDaysAfterWindow, kind == RegimeKind.Periodic ? [] : [.. RoundsOf(body).Select(r => new ReportingRound(r.Start!.Value, r.End!.Value, r.Due!.Value))], listed, body.ReportingUnitKinds ?? [], subtree, receiving, owner,
                body.SendingMethod!, body.Guidance, body.LateSubmission is null ? LateSubmission.AcceptAsLate : Enum.Parse<LateSubmission>(body.LateSubmission, true),
                [.. body.Outline!.Select(h => h with { Title = h.Title.Trim(), Guidance = h.Guidance?.Trim() })]);
            var regime = await db.Regimes.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
            // Left out of an amendment, the choice stays as it was.
            terms = terms with { AllowIncompleteReportTable = body.AllowIncompleteReportTable ?? regime?.AllowIncompleteReportTable ?? false };
            if (command.IsNew)
            {
                if (regime is not null)
                    return Result<long>.Invalid($"Mã chế độ báo cáo '{code}' đã được dùng.", "code");
                regime = Regime.Create(code, terms);
                db.Regimes.Add(regime);
            }
            else
            {
                if (regime is null)
                    return Result<long>.NotFound($"Không có chế độ báo cáo mã '{command.Code}'.");
                if (await Ownership.RefusedAsync(sender, regime.OwnerUnit, $"Chế độ báo cáo {code}", cancellationToken) is { } refused)
                    return Result<long>.From(refused);
                db.ExpectVersion(regime, command.Version!.Value);
                regime.Amend(terms);
            }
            await db.SaveChangesAsync(cancellationToken);
            return regime.Version;
        }
    }

    internal sealed class ListHandler(FormsDbContext db) : IQueryHandler<List, Result<IReadOnlyList<RegimeSummary>>>
    {
        public async ValueTask<Result<IReadOnlyList<RegimeSummary>>> Handle(List query, CancellationToken cancellationToken)
        {
            var regimes = await db.Regimes.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
            var forms = await db.Forms.AsNoTracking().Select(f => new { f.RegimeCode, f.Code }).ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<RegimeSummary>>([.. regimes.Select(r => new RegimeSummary(r.Code, r.Name, r.Kind, r.Frequency,
                r.OwnerUnit, r.ReceivingUnit, r.Active, [.. forms.Where(f => f.RegimeCode == r.Code).Select(f => f.Code).Order()]))]);
        }
    }

    internal sealed class GetHandler(FormsDbContext db) : IQueryHandler<Get, Result<RegimeDetail>>
    {
        public async ValueTask<Result<RegimeDetail>> Handle(Get query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Code);
            var r = await db.Regimes.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code, cancellationToken);
            if (r is null)
                return Result<RegimeDetail>.NotFound($"Không có chế độ báo cáo mã '{query.Code}'.");
            var forms = await db.Forms.AsNoTracking().Where(f => f.RegimeCode == code).Select(f => f.Code).OrderBy(c => c).ToListAsync(cancellationToken);
            return new RegimeDetail(r.Code, r.Name, r.Content, r.Kind, r.Frequency, r.PeriodRule, r.DueDay, r.DueDaysAfterWindow,
                r.Rounds.FirstOrDefault()?.Due, r.Rounds.FirstOrDefault()?.Start, r.Rounds.FirstOrDefault()?.End,
                [.. r.Rounds.Select(x => new RoundDetail(x.Code, x.Start, x.End, x.Due))], r.UnitCodes, r.UnitKinds, r.ReportingSubtree, r.ReceivingUnit, r.OwnerUnit, r.SendingMethod,
                r.Guidance, r.LateSubmission, r.Outline, forms, r.Amendment, r.Version, r.AllowIncompleteReportTable);
        }
    }


    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var regimes = app.MapGroup("/api/regimes").WithTags("Chế độ báo cáo");
            regimes.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new List(), ct)).ToHttpResult())
                .WithSummary("Các chế độ báo cáo");
            regimes.MapGet("/{code}", async (string code, ISender sender, CancellationToken ct) => (await sender.Send(new Get(code), ct)).ToHttpResult())
                .WithSummary("Một chế độ báo cáo với đủ các yếu tố theo Điều 7 Nghị định 09/2019");
            regimes.MapPost("", async (RegimeBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Save(body.Code, body, null, IsNew: true), ct)).ToHttpResult(_ => Results.Created($"/api/regimes/{Codes.Normalize(body.Code!)}", new { code = Codes.Normalize(body.Code!) })))
                .WithSummary("Ban hành chế độ báo cáo");
            regimes.MapPut("/{code}", async (string code, RegimeBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Save(code, body, body.Version, IsNew: false), ct)).ToHttpResult(v => Results.Ok(new { version = v })))
                .WithSummary("Sửa đổi, bổ sung chế độ báo cáo");
        }
    }
}
