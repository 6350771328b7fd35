using Mapster;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Notifications;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Submit, approve, return (with a reason) or reopen (with a reason) a form's data for a unit and period. One state
/// machine decides; who may act is the Accounts policy's decision (officers submit; the unit's leader, an officer
/// with a delegation for the form, or an administrator decides; only leaders and administrators reopen). Approving
/// writes the changed cells to the approved store under new sequence numbers. Two people acting at once: exactly
/// one wins, the other gets a conflict. Every step is written to the audit trail in the same transaction.
/// </summary>
internal static class ActOnSubmission
{
    internal sealed record Command(string FormCode, string UnitCode, string Period, SubmissionAction Action, string? Reason)
        : ICommand<Result<SubmissionView>>, IRequireAccess, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Người khác vừa thao tác trên số liệu này trước bạn. Hãy tải lại để xem trạng thái mới.";
        string IRequireAccess.Permission => Action == SubmissionAction.Submit ? Permissions.EnterData : Permissions.ApproveData;
        string? IRequireAccess.UnitCode => Codes.Normalize(UnitCode);
        string? IRequireAccess.FormCode => Codes.Normalize(FormCode);
    }

    internal sealed record SubmissionView(string FormCode, string UnitCode, string Period, string State, DateTimeOffset? SubmittedAt,
        string? SubmittedBy, DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().When(c => SubmissionStateMachine.NeedsReason(c.Action))
                .WithMessage(c => $"Cần nêu lý do {SubmissionStateMachine.Verb(c.Action)}.")
                .MaximumLength(2000).WithMessage("Lý do dài quá 2.000 ký tự.");
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock, AuditTrail audit,
        Microsoft.Extensions.Configuration.IConfiguration configuration)
        : ICommandHandler<Command, Result<SubmissionView>>
    {
        public async ValueTask<Result<SubmissionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var formCode = Codes.Normalize(command.FormCode);
            var unitCode = Codes.Normalize(command.UnitCode);
            var period = Codes.Normalize(command.Period);
            if (command.Action == SubmissionAction.Reopen && !user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Administrator))
                return Result<SubmissionView>.Forbidden("Chỉ lãnh đạo đơn vị hoặc quản trị mới mở lại số liệu đã duyệt.");
            var values = await sender.Send(new GetFormValues(formCode, unitCode, period), cancellationToken);
            if (values is null)
                return Result<SubmissionView>.NotFound($"Đơn vị {unitCode} không báo cáo biểu mẫu {formCode} trong kỳ {period}.");
            // Submitting or approving a merged unit's period after its last day would put figures in no unit's validity.
            if (command.Action is SubmissionAction.Submit or SubmissionAction.Approve
                && await sender.Send(new CheckUnitValidity(unitCode, period, values.PeriodStart), cancellationToken) is { } closed)
                return Result<SubmissionView>.Invalid(closed, "period");
            var submission = await db.Submissions.SingleOrDefaultAsync(s => s.FormCode == formCode && s.UnitCode == unitCode && s.Period == period, cancellationToken);
            var isNew = submission is null;
            submission ??= new Submission(formCode, unitCode, period);
            var before = submission.State;
            if (command.Action == SubmissionAction.Submit && values.Blockers.Count > 0 && SubmissionStateMachine.Apply(before, command.Action).Next is not null)
                return Result<SubmissionView>.Invalid(values.Blockers.Select(b => new ResultError(b)).ToList());
            // Four eyes: whoever submitted (an officer with a delegation, say) does not approve their own data.
            if (command.Action == SubmissionAction.Approve && user is not SystemUser && submission.SubmittedBy is { } submitter && user.UserName is { } me
                && string.Equals(submitter, me, StringComparison.OrdinalIgnoreCase)
                && !Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, "Workflow:AllowSelfApproval", false))
                return Result<SubmissionView>.Forbidden("Không tự duyệt số liệu do chính mình trình; cần một lãnh đạo hoặc người được ủy quyền khác duyệt.");
            var now = clock.GetUtcNow();
            if (submission.Act(command.Action, command.Reason, now, user.UserName ?? "system") is { } refusal)
                return Result<SubmissionView>.Conflict(refusal, Contracts.WorkflowErrorCodes.AlreadyDecided);
            if (isNew)
                db.Submissions.Add(submission);

            var subject = $"{formCode}/{unitCode}/{period}";
            var lines = new List<AuditTrail.Line>
            {
                new($"submission.{command.Action.ToString().ToLowerInvariant()}", subject, before.ToString(),
                    command.Reason is null ? submission.State.ToString() : $"{submission.State}: {command.Reason.Trim()}"),
            };
            if (command.Action == SubmissionAction.Approve)
                lines.AddRange(await Approved.StoreAsync(db, submission, values.Values, now, cancellationToken));
            await audit.AppendAsync(lines, cancellationToken);
            if (command.Action != SubmissionAction.Submit)
                Notifier.Notify(db, submission.SubmittedBy, $"Số liệu {formCode} kỳ {period} của {unitCode}: {SubmissionStateMachine.Label(submission.State).ToLowerInvariant()}",
                    $"{user.UserName} đã {SubmissionStateMachine.Verb(command.Action)} số liệu biểu mẫu {formCode} của đơn vị {unitCode}, kỳ {period}."
                        + (command.Reason is { } reason ? $" Lý do: {reason.Trim()}" : ""),
                    $"/duyet-so-lieu/{formCode}/{unitCode}/{period}", now);
            // Someone acting on the same submission between our read and our write makes it a 409: theirs stands, nothing of
            // ours is kept (TransactionBehavior rolls back, IConflictMessage words it).
            await db.SaveChangesAsync(cancellationToken);
            return submission.Adapt<SubmissionView>(WorkflowMappings.Config);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var submissions = app.MapGroup("/api/workflow/submissions").WithTags("Duyệt số liệu");
            foreach (var action in Enum.GetValues<SubmissionAction>())
            {
                submissions.MapPost($"/{{formCode}}/{{unitCode}}/{{period}}/{action.ToString().ToLowerInvariant()}",
                        async (string formCode, string unitCode, string period, ReasonBody? body, ISender sender, CancellationToken ct) =>
                            (await sender.Send(new Command(formCode, unitCode, period, action, body?.Reason), ct)).ToHttpResult())
                    .WithSummary(action switch
                    {
                        SubmissionAction.Submit => "Trình duyệt số liệu (khóa nhập liệu)",
                        SubmissionAction.Approve => "Duyệt số liệu (ghi vào kho số liệu đã duyệt)",
                        SubmissionAction.Return => "Trả lại số liệu, nêu lý do",
                        _ => "Mở lại số liệu đã duyệt, nêu lý do",
                    });
            }
        }
    }

    internal sealed record ReasonBody(string? Reason);
}
