using Mapster;
using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;
using BaoCao.Workflow.Reports;

namespace BaoCao.Workflow.Features;

/// <summary>
/// An officer starts the report of a regime for a period from its template — the table part from approved data (the
/// unit's own, the roll-up of its sub-units, or its own with its merged predecessors' before the merger), the narrative under the outline's headings — and writes the narrative.
/// Anyone who may see the report reads it: the unit's officers and leaders, and the receiving unit once it was sent.
/// </summary>
internal static class WriteReport
{
    internal sealed record Start(string RegimeCode, string UnitCode, string Period, string? Source) : ICommand<Result<ReportView>>;

    internal sealed record Get(string RegimeCode, string UnitCode, string Period) : IQuery<Result<ReportView>>;

    internal sealed record SaveNarrative(string RegimeCode, string UnitCode, string Period, IReadOnlyList<SectionBody?>? Sections, string? Source, long? Version)
        : ICommand<Result<ReportView>>, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Người khác vừa lưu báo cáo này trước bạn. Hãy tải lại để xem nội dung mới rồi sửa tiếp.";
    }

    internal sealed record SectionBody(string? Heading, string? Html);

    internal sealed record StartBody(string? RegimeCode, string? UnitCode, string? Period, string? Source);

    internal sealed record NarrativeBody(IReadOnlyList<SectionBody?>? Sections, string? Source, long? Version);

    internal sealed record SectionView(string Heading, string? Guidance, string Html);

    internal sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

    /// <summary>One report as its readers see it. The report's own fields come from the entity (or a kept version) through
    /// <see cref="WorkflowMappings"/>; what depends on the regime, the reader and the moment is set by the handler.</summary>
    internal sealed record ReportView
    {
        public string RegimeCode { get; init; } = "";
        public string RegimeName { get; init; } = "";
        public string UnitCode { get; init; } = "";
        public string Period { get; init; } = "";
        public string ReceivingUnit { get; init; } = "";
        public string Source { get; init; } = "";
        public string State { get; init; } = "";
        public string StateLabel { get; init; } = "";
        public string? Reason { get; init; }
        public DateOnly DueDate { get; init; }
        public bool? Late { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public string? SubmittedBy { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? DecidedBy { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public string? SentBy { get; init; }
        public DateTimeOffset? ReceivedAt { get; init; }
        public string? ReceivedBy { get; init; }
        public IReadOnlyList<SectionView> Narrative { get; init; } = [];
        public IReadOnlyList<ReportTablePart> Tables { get; init; } = [];
        /// <summary>False while the report is written: the tables show the approved data of this moment.</summary>
        public bool TablesFrozen { get; init; }
        public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];
        public bool CanEdit { get; init; }
        /// <summary>What the current user may do now: submit, approve, return, send, receive, reject.</summary>
        public IReadOnlyList<string> Actions { get; init; } = [];
        /// <summary>When sending now would be refused or marked late because of the reception window, why.</summary>
        public string? Reception { get; init; }
        public long Version { get; init; }
        /// <summary>The report was submitted with a table part lacking approved data ("số liệu chưa đầy đủ").</summary>
        public bool Incomplete { get; init; }
        /// <summary>Frozen: the forms unapproved at submission; being written: those unapproved now.</summary>
        public IReadOnlyList<MissingApproval> MissingApprovals { get; init; } = [];
        /// <summary>The regime lets a report be submitted with unapproved forms, once confirmed.</summary>
        public bool AllowIncomplete { get; init; }
    }

    internal sealed class StartValidator : AbstractValidator<Start>
    {
        public StartValidator()
        {
            RuleFor(c => c.RegimeCode).NotEmpty().WithMessage("Cần mã chế độ báo cáo (regimeCode).");
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Cần mã đơn vị báo cáo (unitCode).");
            RuleFor(c => c.Period).NotEmpty().WithMessage("Cần kỳ báo cáo (period), ví dụ 202611.");
            RuleFor(c => c.Source).Must(s => s is null || Enum.TryParse<ReportSource>(s, true, out _))
                .WithMessage("Nguồn số liệu (source) là Own (số liệu của đơn vị), SubUnits (tổng hợp từ đơn vị trực thuộc) hoặc Consolidated (số liệu của đơn vị và các đơn vị đã hợp nhất vào, trước ngày hợp nhất).");
        }
    }

    internal sealed class NarrativeValidator : AbstractValidator<SaveNarrative>
    {
        public NarrativeValidator()
        {
            RuleFor(c => c.Sections).NotNull().WithMessage("Cần danh sách đề mục (sections).")
                .Must(s => s is null || s.Count <= 100).WithMessage("Tối đa 100 đề mục.");
            RuleForEach(c => c.Sections).Must(s => s is not null && !string.IsNullOrWhiteSpace(s.Heading) && s.Heading.Length <= 500)
                .WithMessage("Mỗi đề mục cần tiêu đề (heading), tối đa 500 ký tự.")
                .Must(s => s is null || (s.Html?.Length ?? 0) <= Narrative.MaximumSectionLength)
                .WithMessage($"Nội dung một đề mục dài tối đa {Narrative.MaximumSectionLength:N0} ký tự.");
            RuleFor(c => c.Source).Must(s => s is null || Enum.TryParse<ReportSource>(s, true, out _))
                .WithMessage("Nguồn số liệu (source) là Own, SubUnits hoặc Consolidated.");
            RuleFor(c => c.Version).NotNull().WithMessage("Cần gửi kèm phiên bản (version) của báo cáo bạn đã xem.");
        }
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock, AuditTrail audit, ReportTables tables)
        : ICommandHandler<Start, Result<ReportView>>, IQueryHandler<Get, Result<ReportView>>, ICommandHandler<SaveNarrative, Result<ReportView>>
    {
        public async ValueTask<Result<ReportView>> Handle(Start command, CancellationToken cancellationToken)
        {
            var resolved = await ReportScope.ResolveAsync(sender, command.RegimeCode, command.UnitCode, command.Period, cancellationToken);
            if (resolved.Value is not { } scope)
                return Result<ReportView>.From(resolved);
            if (!scope.CanWrite && !scope.CanApprove)
                return Result<ReportView>.Forbidden($"Chỉ cán bộ, lãnh đạo của đơn vị {scope.UnitCode} lập báo cáo của đơn vị.");
            if (await scope.ClosedAsync(sender, cancellationToken) is { } closed)
                return Result<ReportView>.Invalid(closed, "period");
            if (await FindAsync(scope, cancellationToken) is null)
            {
                var source = command.Source is null ? ReportSource.Own : Enum.Parse<ReportSource>(command.Source, true);
                var report = new Report(scope.Regime.Code, scope.UnitCode, scope.Period.Code, scope.Regime.ReceivingUnit, source,
                    scope.Regime.Outline.Select(h => new NarrativeSection(h.Title, "")), scope.Period.DueDate, user.UserName ?? "system", clock.GetUtcNow());
                db.Reports.Add(report);
                // In the command's transaction (TransactionBehavior); the savepoint also undoes the audit counter taken first.
                var transaction = db.Database.CurrentTransaction!;
                await transaction.CreateSavepointAsync(StartSavepoint, cancellationToken);
                await audit.AppendAsync([new("report.start", scope.Subject, null, source.ToString())], cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.ReleaseSavepointAsync(StartSavepoint, cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // A colleague started the same report a moment ago: theirs is the report, shown below.
                    await transaction.RollbackToSavepointAsync(StartSavepoint, cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }
            return await ViewAsync(scope, cancellationToken);
        }

        public async ValueTask<Result<ReportView>> Handle(Get query, CancellationToken cancellationToken)
        {
            var resolved = await ReportScope.ResolveAsync(sender, query.RegimeCode, query.UnitCode, query.Period, cancellationToken);
            if (resolved.Value is not { } scope)
                return Result<ReportView>.From(resolved);
            return await ViewAsync(scope, cancellationToken);
        }

        public async ValueTask<Result<ReportView>> Handle(SaveNarrative command, CancellationToken cancellationToken)
        {
            var resolved = await ReportScope.ResolveAsync(sender, command.RegimeCode, command.UnitCode, command.Period, cancellationToken);
            if (resolved.Value is not { } scope)
                return Result<ReportView>.From(resolved);
            if (!scope.CanWrite && !scope.CanApprove)
                return Result<ReportView>.Forbidden($"Chỉ cán bộ, lãnh đạo của đơn vị {scope.UnitCode} soạn báo cáo của đơn vị.");
            if (await FindAsync(scope, cancellationToken) is not { } report)
                return Result<ReportView>.NotFound("Báo cáo chưa được lập: hãy lập báo cáo trước.", Contracts.WorkflowErrorCodes.ReportNotStarted);
            if (!report.Editable)
                return Result<ReportView>.Conflict($"Báo cáo đang ở trạng thái “{ReportStateMachine.Label(report.State)}”: không sửa được nội dung.");
            db.ExpectVersion(report, command.Version!.Value);
            var before = report.Narrative;
            var sections = command.Sections!.Select(s => new NarrativeSection(s!.Heading!.Trim(), Narrative.Sanitize(s.Html))).ToList();
            var source = command.Source is null ? report.Source : Enum.Parse<ReportSource>(command.Source, true);
            var lines = new List<AuditTrail.Line>();
            for (var i = 0; i < Math.Max(before.Count, sections.Count); i++)
            {
                var old = i < before.Count ? before[i] : null;
                var now = i < sections.Count ? sections[i] : null;
                if (old != now)
                    lines.Add(new("report.narrative", $"{scope.Subject}/{i + 1}", Show(old), Show(now)));
            }
            if (source != report.Source)
                lines.Add(new("report.source", scope.Subject, report.Source.ToString(), source.ToString()));
            report.Write(sections, source);
            await audit.AppendAsync(lines, cancellationToken);
            // A save since the version the user saw makes it a 409 (TransactionBehavior, IConflictMessage), audit lines undone with it.
            await db.SaveChangesAsync(cancellationToken);
            return await ViewAsync(scope, cancellationToken);
        }

        private const string StartSavepoint = "report_start";

        private static string? Show(NarrativeSection? section) => section is null ? null : JsonSerializer.Serialize(section);

        private Task<Report?> FindAsync(ReportScope scope, CancellationToken cancellationToken) =>
            db.Reports.SingleOrDefaultAsync(r => r.RegimeCode == scope.Regime.Code && r.UnitCode == scope.UnitCode && r.Period == scope.Period.Code, cancellationToken);

        private async Task<Result<ReportView>> ViewAsync(ReportScope scope, CancellationToken cancellationToken)
        {
            var report = await FindAsync(scope, cancellationToken);
            var ofUnit = scope.CanWrite || scope.CanApprove;
            if (report is null)
                return ofUnit ? Result<ReportView>.NotFound("Báo cáo chưa được lập.", Contracts.WorkflowErrorCodes.ReportNotStarted)
                    : Result<ReportView>.NotFound($"Đơn vị {scope.UnitCode} chưa gửi báo cáo này.");
            if (!ofUnit && report.State is not (ReportState.Sent or ReportState.Received or ReportState.Rejected))
                return Result<ReportView>.NotFound($"Đơn vị {scope.UnitCode} chưa gửi báo cáo này.");
            var attachments = await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.UploadedAt)
                .ProjectToType<AttachmentView>(WorkflowMappings.Config).ToListAsync(cancellationToken);
            var parts = report.Tables ?? [.. await tables.AssembleAsync(scope.Regime, scope.UnitCode, scope.Period, report.Source, cancellationToken)];
            var guidance = scope.Regime.Outline.ToDictionary(h => h.Title, h => h.Guidance);
            var missing = report.Tables is not null ? report.Incomplete ?? []
                : ofUnit ? await tables.MissingApprovalsAsync(scope.Regime, scope.UnitCode, scope.Period, report.Source, cancellationToken)
                : (IReadOnlyList<MissingApproval>)[];
            var reception = report.SentAt is null
                ? (await sender.Send(new Deadlines.Contracts.CheckReception(scope.Regime.Code, scope.Period.Code, clock.GetUtcNow()), cancellationToken)).Reason
                : null;
            return report.Adapt<ReportView>(WorkflowMappings.Config) with
            {
                RegimeName = scope.Regime.Name,
                Narrative = [.. report.Narrative.Select(s => new SectionView(s.Heading, guidance.GetValueOrDefault(s.Heading), s.Html))],
                Tables = parts,
                Attachments = attachments,
                CanEdit = ofUnit && report.Editable,
                Actions = [.. ActOnReport.Allowed(report, scope).Select(a => a.ToString().ToLowerInvariant())],
                Reception = reception,
                MissingApprovals = missing,
                AllowIncomplete = scope.Regime.AllowIncompleteReportTable,
            };
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reports = app.MapGroup("/api/workflow/reports").WithTags("Báo cáo");
            reports.MapPost("", async (StartBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Start(body.RegimeCode ?? "", body.UnitCode ?? "", body.Period ?? "", body.Source), ct)).ToHttpResult())
                .WithSummary("Lập báo cáo của một chế độ cho một kỳ từ mẫu báo cáo (đã lập thì trả về báo cáo hiện có)");
            reports.MapGet("/{regimeCode}/{unitCode}/{period}", async (string regimeCode, string unitCode, string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Get(regimeCode, unitCode, period), ct)).ToHttpResult())
                .WithSummary("Một báo cáo: phần bảng số liệu, phần thuyết minh, tệp đính kèm, trạng thái");
            reports.MapPut("/{regimeCode}/{unitCode}/{period}/narrative", async (string regimeCode, string unitCode, string period, NarrativeBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new SaveNarrative(regimeCode, unitCode, period, body.Sections, body.Source, body.Version), ct)).ToHttpResult())
                .WithSummary("Lưu phần thuyết minh (văn bản định dạng, được làm sạch) và nguồn số liệu của báo cáo");
        }
    }
}
