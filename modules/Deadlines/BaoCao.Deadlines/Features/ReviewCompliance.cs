using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Deadlines.Reminders;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// The province office reads the compliance report of a month or quarter (who reported on time, late, not at all; the
/// ranking; the trend) and downloads it as .xlsx or .docx; administrators generate it now or regenerate it on purpose.
/// The monthly and quarterly jobs generate it on the first day after the period, once.
/// </summary>
internal static class ReviewCompliance
{
    /// <summary>Its own transactions: the generation is stored, e-mailed, then marked e-mailed (no mail server wait inside a transaction).</summary>
    internal sealed record Generate(string Period, bool Regenerate) : ICommand<Result<Generated>>, IRequireAccess, IOwnTransaction
    {
        string IRequireAccess.Permission => Permissions.GenerateReports;
    }

    /// <param name="Generation">An earlier generation as it was issued; null: the current one.</param>
    internal sealed record Read(string Period, int? Generation = null) : IQuery<Result<ReportView>>;

    internal sealed record Export(string Period, string? Format, int? Generation = null) : IQuery<Result<ExportedFile>>;

    internal sealed record Generated(Guid Id, string Period, bool GeneratedNow, int Generation);

    /// <param name="Generation">The generation shown; <paramref name="Generations"/> lists every one kept, newest first.</param>
    internal sealed record ReportView(Guid Id, DateTimeOffset GeneratedAt, string GeneratedBy, int Generation, string? EmailStatus, ComplianceFigures Figures,
        IReadOnlyList<GenerationEntry> Generations, bool Current);

    internal sealed record GenerationEntry(int Generation, DateTimeOffset GeneratedAt, string GeneratedBy, string? EmailStatus);

    internal sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

    internal sealed class Handler(DeadlinesDbContext db, Compliance compliance, ISender sender, ICurrentUser user)
        : ICommandHandler<Generate, Result<Generated>>, IQueryHandler<Read, Result<ReportView>>, IQueryHandler<Export, Result<ExportedFile>>
    {
        public async ValueTask<Result<Generated>> Handle(Generate command, CancellationToken cancellationToken)
        {
            var (period, error) = Compliance.Parse(command.Period);
            if (period is null)
                return Result<Generated>.Invalid(error!, "period");
            var (report, now) = await compliance.GenerateAsync(period, command.Regenerate, user.UserName ?? "system", cancellationToken);
            return new Generated(report.Id, report.Period, now, report.Generation);
        }

        public async ValueTask<Result<ReportView>> Handle(Read query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.TrackReporting), cancellationToken))
                return Result<ReportView>.Forbidden("Báo cáo tình hình thực hiện chế độ báo cáo dành cho Văn phòng UBND tỉnh và lãnh đạo tỉnh.");
            var (period, error) = Compliance.Parse(query.Period);
            if (period is null)
                return Result<ReportView>.Invalid(error!, "period");
            var report = await db.ComplianceReports.AsNoTracking().SingleOrDefaultAsync(r => r.Period == period.Code, cancellationToken);
            if (report is null)
                return Result<ReportView>.NotFound($"Chưa lập báo cáo tình hình thực hiện chế độ báo cáo kỳ {period.Code}.");
            var kept = await db.ComplianceGenerations.AsNoTracking().Where(g => g.Period == period.Code)
                .OrderByDescending(g => g.Generation).Select(g => new GenerationEntry(g.Generation, g.GeneratedAt, g.GeneratedBy, g.EmailStatus))
                .ToListAsync(cancellationToken);
            // A generation made before generations were kept is listed from the report itself.
            if (kept.All(g => g.Generation != report.Generation))
                kept.Insert(0, new GenerationEntry(report.Generation, report.GeneratedAt, report.GeneratedBy, report.EmailStatus));
            if (query.Generation is not { } number || number == report.Generation)
                return new ReportView(report.Id, report.GeneratedAt, report.GeneratedBy, report.Generation, report.EmailStatus, report.Figures, kept, Current: true);
            var earlier = await db.ComplianceGenerations.AsNoTracking().SingleOrDefaultAsync(g => g.Period == period.Code && g.Generation == number, cancellationToken);
            return earlier is null
                ? Result<ReportView>.NotFound($"Báo cáo tình hình thực hiện chế độ báo cáo kỳ {period.Code} không có lần lập {number}.")
                : new ReportView(report.Id, earlier.GeneratedAt, earlier.GeneratedBy, earlier.Generation, earlier.EmailStatus, earlier.Figures, kept, Current: false);
        }

        public async ValueTask<Result<ExportedFile>> Handle(Export query, CancellationToken cancellationToken)
        {
            if (query.Format is not ("xlsx" or "docx"))
                return Result<ExportedFile>.Invalid("Định dạng (format) là xlsx hoặc docx.", "format");
            var read = await Handle(new Read(query.Period, query.Generation), cancellationToken);
            if (read.Value is not { } report)
                return Result<ExportedFile>.From(read);
            // The files as issued (and e-mailed) for that generation, byte for byte; rendered from its figures only for a
            // generation made before files were kept.
            var files = await compliance.FilesAsync(report.Figures.Period, report.Generation, cancellationToken);
            var name = $"tuan-thu-{report.Figures.Period}-lan-{report.Generation}";
            return query.Format == "xlsx"
                ? new ExportedFile($"{name}.xlsx", Compliance.XlsxType, files?.Xlsx ?? Compliance.Xlsx(report.Figures))
                : new ExportedFile($"{name}.docx", Compliance.DocxType, files?.Docx ?? Compliance.Docx(report.Figures));
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var compliance = app.MapGroup("/api/deadlines/compliance").WithTags("Nhắc hạn");
            compliance.MapPost("/{period}/generate", async (string period, bool? regenerate, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Generate(period, regenerate ?? false), ct)).ToHttpResult(g => Results.Ok(new { id = g.Id, g.Period, g.GeneratedNow, g.Generation })))
                .WithSummary("Lập báo cáo tình hình thực hiện chế độ báo cáo của một tháng hoặc quý (đã lập thì trả về báo cáo đã có, trừ khi regenerate=true)");
            compliance.MapGet("/{period}", async (string period, int? generation, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Read(period, generation), ct)).ToHttpResult())
                .WithSummary("Số liệu báo cáo tình hình thực hiện chế độ báo cáo: phải gửi, đã gửi, đúng hạn, muộn, chưa gửi, xếp hạng, xu hướng (generation: một lần lập trước)");
            compliance.MapGet("/{period}/generations", async (string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Read(period), ct)).ToHttpResult(r => Results.Ok(r.Generations)))
                .WithSummary("Các lần lập báo cáo tình hình thực hiện chế độ báo cáo của kỳ, mới nhất trước");
            compliance.MapGet("/{period}/export", async (string period, string? format, int? generation, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Export(period, format?.Trim().ToLowerInvariant(), generation), ct)).ToHttpResult(f => Results.File(f.Content, f.ContentType, f.FileName)))
                .WithSummary("Tải báo cáo tình hình thực hiện chế độ báo cáo (.xlsx hoặc .docx) đúng như đã lập và gửi (generation: một lần lập trước)");
        }
    }
}
