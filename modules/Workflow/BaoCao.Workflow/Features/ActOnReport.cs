using BaoCao.SharedKernel.Time;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Notifications;
using BaoCao.Workflow.Persistence;
using BaoCao.Workflow.Reports;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Moves a report along: the officer submits it (its table part is frozen from the approved data of that moment), the
/// unit's leader approves it or returns it with a reason, the approved report is sent to the receiving unit (marked late
/// when sent after the due date), whose accounts receive it or return it with a reason. One state machine decides; two
/// people acting at once: one wins, the other gets a conflict. Every step goes to the audit trail in the same transaction.
/// </summary>
internal static class ActOnReport
{
    /// <param name="ConfirmIncomplete">The officer confirms submitting a table part that lacks approved data (only where the
    /// regime allows it).</param>
    internal sealed record Command(string RegimeCode, string UnitCode, string Period, ReportAction Action, string? Reason, bool ConfirmIncomplete = false)
        : ICommand<Result<WriteReport.ReportView>>, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Người khác vừa thao tác trên báo cáo này trước bạn. Hãy tải lại để xem trạng thái mới.";
    }

    /// <summary>What an action may carry: the reason of a return, the confirmation of an incomplete table part.</summary>
    internal sealed record ActionBody(string? Reason, bool? ConfirmIncomplete);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().When(c => ReportStateMachine.NeedsReason(c.Action))
                .WithMessage(c => $"Cần nêu lý do {ReportStateMachine.Verb(c.Action)}.")
                .MaximumLength(2000).WithMessage("Lý do dài quá 2.000 ký tự.");
    }

    /// <summary>Whether the user's roles allow an action on a report of this scope (the state machine decides the rest).</summary>
    public static bool Permits(ReportScope scope, ReportAction action) => action switch
    {
        ReportAction.Submit or ReportAction.Send => scope.CanWrite || scope.CanApprove,
        ReportAction.Approve or ReportAction.Return => scope.CanApprove,
        _ => scope.CanReceive,
    };

    /// <summary>The actions the current user may take on the report now.</summary>
    public static IEnumerable<ReportAction> Allowed(Report report, ReportScope scope) =>
        Enum.GetValues<ReportAction>().Where(a => Permits(scope, a) && ReportStateMachine.Apply(report.State, a).Next is not null);

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock, AuditTrail audit, ReportTables tables,
        Exchange.PacketDelivery delivery)
        : ICommandHandler<Command, Result<WriteReport.ReportView>>
    {
        public async ValueTask<Result<WriteReport.ReportView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var resolved = await ReportScope.ResolveAsync(sender, command.RegimeCode, command.UnitCode, command.Period, cancellationToken);
            if (resolved.Value is not { } scope)
                return Result<WriteReport.ReportView>.From(resolved);
            if (!Permits(scope, command.Action))
                return Result<WriteReport.ReportView>.Forbidden(command.Action switch
                {
                    ReportAction.Approve or ReportAction.Return => $"Chỉ lãnh đạo đơn vị {scope.UnitCode} (hoặc người được ủy quyền) duyệt hoặc trả lại báo cáo.",
                    ReportAction.Receive or ReportAction.Reject => $"Chỉ tài khoản của đơn vị nhận ({scope.Regime.ReceivingUnit}) tiếp nhận hoặc trả lại báo cáo.",
                    _ => $"Chỉ cán bộ, lãnh đạo của đơn vị {scope.UnitCode} trình và gửi báo cáo của đơn vị.",
                });
            if (command.Action is ReportAction.Submit or ReportAction.Approve or ReportAction.Send && await scope.ClosedAsync(sender, cancellationToken) is { } closed)
                return Result<WriteReport.ReportView>.Invalid(closed, "period");
            var report = await db.Reports.SingleOrDefaultAsync(r => r.RegimeCode == scope.Regime.Code && r.UnitCode == scope.UnitCode && r.Period == scope.Period.Code, cancellationToken);
            if (report is null)
                return Result<WriteReport.ReportView>.NotFound("Báo cáo chưa được lập.", Contracts.WorkflowErrorCodes.ReportNotStarted);
            if (ReportStateMachine.ByReceiver(command.Action) && !scope.CanWrite && !scope.CanApprove && report.State is not (ReportState.Sent or ReportState.Received or ReportState.Rejected))
                return Result<WriteReport.ReportView>.NotFound($"Đơn vị {scope.UnitCode} chưa gửi báo cáo này.");
            var before = report.State;
            IReadOnlyList<ReportTablePart>? frozen = null;
            IReadOnlyList<MissingApproval> missing = [];
            if (command.Action == ReportAction.Submit && ReportStateMachine.Apply(before, command.Action).Next is not null)
            {
                var empty = report.Narrative.Where(s => Narrative.IsBlank(s.Html)).Select(s => $"Đề mục “{s.Heading}” chưa có nội dung (ghi “Không có” nếu không có nội dung).").ToList();
                if (empty.Count > 0)
                    return Result<WriteReport.ReportView>.Invalid([.. empty.Select(e => new ResultError(e, "narrative"))]);
                missing = await tables.MissingApprovalsAsync(scope.Regime, scope.UnitCode, scope.Period, report.Source, cancellationToken);
                if (missing.Count > 0 && !(scope.Regime.AllowIncompleteReportTable && command.ConfirmIncomplete))
                    return Result<WriteReport.ReportView>.Invalid([
                        new ResultError(scope.Regime.AllowIncompleteReportTable
                            ? "Phần bảng số liệu chưa đầy đủ: cần xác nhận trình báo cáo với số liệu chưa đầy đủ (confirmIncomplete), báo cáo sẽ mang dấu “số liệu chưa đầy đủ”."
                            : "Phần bảng số liệu chưa đầy đủ: chưa trình được báo cáo khi số liệu của các biểu sau chưa được duyệt.", "confirmIncomplete"),
                        .. missing.Select(m => new ResultError(m.Describe(), "tables"))]);
                frozen = await tables.AssembleAsync(scope.Regime, scope.UnitCode, scope.Period, report.Source, cancellationToken);
            }
            var lateAnyway = false;
            if (command.Action == ReportAction.Send && ReportStateMachine.Apply(before, command.Action).Next is not null)
            {
                var reception = await sender.Send(new Deadlines.Contracts.CheckReception(scope.Regime.Code, scope.Period.Code, clock.GetUtcNow()), cancellationToken);
                if (!reception.Accepted)
                    return Result<WriteReport.ReportView>.Conflict(reception.Reason!);
                lateAnyway = reception.MarkLate;
            }
            var (previousTables, previousIncomplete) = (report.Tables, report.Incomplete);
            if (report.Act(command.Action, command.Reason, clock.GetUtcNow(), VietnamTime.Today(clock), user.UserName ?? "system", frozen, lateAnyway, missing) is { } refusal)
                return Result<WriteReport.ReportView>.Conflict(refusal, Contracts.WorkflowErrorCodes.AlreadyDecided);

            // Every step keeps a numbered, immutable version of what the report was at that step.
            var number = await db.ReportVersions.Where(v => v.ReportId == report.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
            var attachments = await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.UploadedAt)
                .Select(a => new VersionedAttachment(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt)).ToListAsync(cancellationToken);
            db.ReportVersions.Add(new ReportVersion(report, number + 1, command.Action, report.Tables ?? previousTables, report.Incomplete ?? previousIncomplete,
                attachments, user.UserName ?? "system", clock.GetUtcNow()));
            var after = command.Action == ReportAction.Send && report.Late == true ? $"{report.State} (muộn, hạn {report.DueDate:dd/MM/yyyy})"
                : command.Action == ReportAction.Submit && missing.Count > 0 ? $"{report.State} (số liệu chưa đầy đủ: {string.Join("; ", missing.Select(m => m.Describe()))})"
                : report.State.ToString();
            await audit.AppendAsync([new($"report.{command.Action.ToString().ToLowerInvariant()}", scope.Subject, before.ToString(),
                command.Reason is null ? after : $"{after}: {command.Reason.Trim()}")], cancellationToken);
            var recipients = command.Action switch
            {
                ReportAction.Approve or ReportAction.Return => [report.SubmittedBy],
                ReportAction.Receive or ReportAction.Reject => new[] { report.SentBy, report.SubmittedBy }.Distinct(),
                _ => Array.Empty<string?>(),
            };
            foreach (var recipient in recipients)
                Notifier.Notify(db, recipient, $"Báo cáo {scope.Regime.Code} kỳ {scope.Period.Code} của {scope.UnitCode}: {ReportStateMachine.Label(report.State).ToLowerInvariant()}",
                    $"{user.UserName} đã {ReportStateMachine.Verb(command.Action)} báo cáo “{scope.Regime.Name}” của đơn vị {scope.UnitCode}, kỳ {scope.Period.Code}."
                        + (command.Reason is { } reason ? $" Lý do: {reason.Trim()}" : ""),
                    $"/bao-cao/{scope.Regime.Code}/{scope.UnitCode}/{scope.Period.Code}", clock.GetUtcNow());
            if (command.Action == ReportAction.Send && report.State == ReportState.Sent)
            {
                // Pushed to the configured destinations with the sending itself: committed together or not at all.
                var cause = Guid.NewGuid();
                await delivery.QueueAsync(Exchange.PushedTypes.OutlineSubmission, scope.Regime.Code, scope.UnitCode, scope.Period.Code, cause, cancellationToken);
                await delivery.QueueAsync(Exchange.PushedTypes.ReportStatus, scope.Regime.Code, "", scope.Period.Code, cause, cancellationToken);
            }
            // One transaction with the audit lines (TransactionBehavior); someone acting first makes it a 409 (IConflictMessage).
            await db.SaveChangesAsync(cancellationToken);
            return await sender.Send(new WriteReport.Get(scope.Regime.Code, scope.UnitCode, scope.Period.Code), cancellationToken);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reports = app.MapGroup("/api/workflow/reports").WithTags("Báo cáo");
            foreach (var action in Enum.GetValues<ReportAction>())
            {
                reports.MapPost($"/{{regimeCode}}/{{unitCode}}/{{period}}/{action.ToString().ToLowerInvariant()}",
                        async (string regimeCode, string unitCode, string period, ActionBody? body, ISender sender, CancellationToken ct) =>
                            (await sender.Send(new Command(regimeCode, unitCode, period, action, body?.Reason, body?.ConfirmIncomplete ?? false), ct)).ToHttpResult())
                    .WithSummary(action switch
                    {
                        ReportAction.Submit => "Trình lãnh đạo duyệt báo cáo (chốt phần bảng số liệu; từ chối khi số liệu của biểu nào chưa được duyệt, trừ khi chế độ cho phép và confirmIncomplete=true)",
                        ReportAction.Approve => "Duyệt báo cáo",
                        ReportAction.Return => "Trả lại báo cáo, nêu lý do",
                        ReportAction.Send => "Gửi báo cáo đã duyệt tới đơn vị nhận",
                        ReportAction.Receive => "Đơn vị nhận tiếp nhận báo cáo",
                        _ => "Đơn vị nhận trả lại báo cáo, nêu lý do",
                    });
            }
        }
    }
}
