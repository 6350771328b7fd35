using Mapster;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;

namespace BaoCao.Deadlines.Features;

/// <summary>Administrators edit the reminder e-mail (subject and body, in Vietnamese, with placeholders) and a regime's
/// ladder of steps (working days from the due date; whether the leader gets a copy).</summary>
internal static class ManageReminders
{
    internal sealed record GetTemplate : IQuery<Result<TemplateView>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    internal sealed record SaveTemplate(string? Subject, string? Body, long? Version) : ICommand<Result<TemplateView>>, IRequireAccess, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Người khác vừa sửa mẫu thư này. Hãy tải lại rồi sửa tiếp.";
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    internal sealed record GetLadder(string RegimeCode) : IQuery<Result<LadderView>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    internal sealed record SaveLadder(string RegimeCode, IReadOnlyList<StepBody?>? Steps) : ICommand<Result<LadderView>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    internal sealed record TemplateView(string Subject, string Body, IReadOnlyList<string> Placeholders, long Version);

    internal sealed record StepBody(int? Offset, bool? CopyLeader);

    internal sealed record LadderView(string RegimeCode, bool IsDefault, IReadOnlyList<StepView> Steps);

    internal sealed record StepView(int Offset, bool CopyLeader, string Label);

    internal sealed record TemplateBody(string? Subject, string? Body, long? Version);

    internal sealed record LadderBody(IReadOnlyList<StepBody?>? Steps);

    internal static readonly string[] Placeholders = ["{NguoiNhan}", "{DanhSach}", "{SoBaoCao}", "{Ngay}"];

    internal sealed class TemplateValidator : AbstractValidator<SaveTemplate>
    {
        public TemplateValidator()
        {
            RuleFor(c => c.Subject).NotEmpty().WithMessage("Cần tiêu đề thư.").MaximumLength(300).WithMessage("Tiêu đề dài tối đa 300 ký tự.")
                .Must(s => s is null || !s.Contains('\n') && !s.Contains('\r')).WithMessage("Tiêu đề thư chỉ một dòng.");
            RuleFor(c => c.Body).NotEmpty().WithMessage("Cần nội dung thư.").MaximumLength(8000).WithMessage("Nội dung dài tối đa 8.000 ký tự.")
                .Must(b => b is null || b.Contains("{DanhSach}")).WithMessage("Nội dung cần có {DanhSach}: danh sách báo cáo chưa gửi.");
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) bạn đã xem.");
        }
    }

    internal sealed class LadderValidator : AbstractValidator<SaveLadder>
    {
        public LadderValidator()
        {
            RuleFor(c => c.Steps).NotNull().WithMessage("Cần danh sách bậc nhắc (steps).")
                .Must(s => s is null || s.Count is >= 1 and <= 10).WithMessage("Từ 1 đến 10 bậc nhắc.")
                .Must(s => s is null || s.Select(x => x?.Offset).Distinct().Count() == s.Count).WithMessage("Hai bậc nhắc trùng ngày.");
            RuleForEach(c => c.Steps).Must(s => s?.Offset is >= -20 and <= 20)
                .WithMessage("Mỗi bậc là số ngày làm việc so với hạn, từ -20 (trước hạn) đến 20 (sau hạn).");
        }
    }

    internal sealed class GetTemplateHandler(DeadlinesDbContext db) : IQueryHandler<GetTemplate, Result<TemplateView>>
    {
        public async ValueTask<Result<TemplateView>> Handle(GetTemplate query, CancellationToken cancellationToken)
        {
            var template = await db.ReminderTemplates.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ReminderTemplate();
            return template.Adapt<TemplateView>(DeadlinesMappings.Config);
        }
    }

    internal sealed class SaveTemplateHandler(DeadlinesDbContext db) : ICommandHandler<SaveTemplate, Result<TemplateView>>
    {
        public async ValueTask<Result<TemplateView>> Handle(SaveTemplate command, CancellationToken cancellationToken)
        {
            var template = await db.ReminderTemplates.SingleOrDefaultAsync(cancellationToken);
            if (template is null)
            {
                template = new ReminderTemplate();
                db.ReminderTemplates.Add(template);
            }
            else
                db.ExpectVersion(template, command.Version!.Value);
            template.Subject = command.Subject!.Trim();
            template.Body = command.Body!.Trim();
            await db.SaveChangesAsync(cancellationToken); // saved meanwhile: a 409 (TransactionBehavior, IConflictMessage)
            return template.Adapt<TemplateView>(DeadlinesMappings.Config);
        }
    }

    internal sealed class GetLadderHandler(DeadlinesDbContext db, ISender sender) : IQueryHandler<GetLadder, Result<LadderView>>
    {
        public async ValueTask<Result<LadderView>> Handle(GetLadder query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.RegimeCode);
            if (await sender.Send(new GetRegime(code), cancellationToken) is null)
                return Result<LadderView>.NotFound($"Không có chế độ báo cáo mã '{query.RegimeCode}'.");
            var policy = await db.ReminderPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.RegimeCode == code, cancellationToken);
            return View(code, policy?.Steps);
        }
    }

    internal sealed class SaveLadderHandler(DeadlinesDbContext db, ISender sender) : ICommandHandler<SaveLadder, Result<LadderView>>
    {
        public async ValueTask<Result<LadderView>> Handle(SaveLadder command, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(command.RegimeCode);
            if (await sender.Send(new GetRegime(code), cancellationToken) is null)
                return Result<LadderView>.NotFound($"Không có chế độ báo cáo mã '{command.RegimeCode}'.");
            var policy = await db.ReminderPolicies.SingleOrDefaultAsync(p => p.RegimeCode == code, cancellationToken);
            if (policy is null)
            {
                policy = new ReminderPolicy { RegimeCode = code };
                db.ReminderPolicies.Add(policy);
            }
            policy.Steps = [.. command.Steps!.Select(s => new ReminderStep(s!.Offset!.Value, s.CopyLeader ?? false)).OrderBy(s => s.Offset)];
            await db.SaveChangesAsync(cancellationToken);
            return View(code, policy.Steps);
        }
    }

    // Shared by the handlers above.
    private static LadderView View(string code, IReadOnlyList<ReminderStep>? steps) =>
        new(code, steps is null, [.. (steps ?? ReminderStep.DefaultLadder).Select(s => new StepView(s.Offset, s.CopyLeader, s.Label))]);


    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reminders = app.MapGroup("/api/deadlines/reminders").WithTags("Nhắc hạn");
            reminders.MapGet("/template", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetTemplate(), ct)).ToHttpResult())
                .WithSummary("Mẫu thư nhắc hạn");
            reminders.MapPut("/template", async (TemplateBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new SaveTemplate(body.Subject, body.Body, body.Version), ct)).ToHttpResult())
                .WithSummary("Sửa mẫu thư nhắc hạn ({NguoiNhan}, {DanhSach}, {SoBaoCao}, {Ngay})");
            reminders.MapGet("/ladders/{regimeCode}", async (string regimeCode, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new GetLadder(regimeCode), ct)).ToHttpResult())
                .WithSummary("Các bậc nhắc hạn của một chế độ báo cáo");
            reminders.MapPut("/ladders/{regimeCode}", async (string regimeCode, LadderBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new SaveLadder(regimeCode, body.Steps), ct)).ToHttpResult())
                .WithSummary("Đặt các bậc nhắc hạn của một chế độ báo cáo (số ngày làm việc so với hạn)");
        }
    }
}
