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
    internal sealed record Generate(string Period, bool Regenerate) : ICommand<Result<Generated>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.GenerateReports;
    }

    internal sealed record Read(string Period) : IQuery<Result<ReportView>>;

    internal sealed record Export(string Period, string? Format) : IQuery<Result<ExportedFile>>;

    internal sealed record Generated(Guid Id, string Period, bool GeneratedNow, int Generation);

    internal sealed record ReportView(Guid Id, DateTimeOffset GeneratedAt, string GeneratedBy, int Generation, string? EmailStatus, ComplianceFigures Figures);

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
            return report is null
                ? Result<ReportView>.NotFound($"Chưa lập báo cáo tình hình thực hiện chế độ báo cáo kỳ {period.Code}.")
                : new ReportView(report.Id, report.GeneratedAt, report.GeneratedBy, report.Generation, report.EmailStatus, report.Figures);
        }

        public async ValueTask<Result<ExportedFile>> Handle(Export query, CancellationToken cancellationToken)
        {
            if (query.Format is not ("xlsx" or "docx"))
                return Result<ExportedFile>.Invalid("Định dạng (format) là xlsx hoặc docx.", "format");
            var read = await Handle(new Read(query.Period), cancellationToken);
            if (read.Value is not { } report)
                return Result<ExportedFile>.From(read);
            return query.Format == "xlsx"
                ? new ExportedFile($"tuan-thu-{report.Figures.Period}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Compliance.Xlsx(report.Figures))
                : new ExportedFile($"tuan-thu-{report.Figures.Period}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Compliance.Docx(report.Figures));
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
            compliance.MapGet("/{period}", async (string period, ISender sender, CancellationToken ct) => (await sender.Send(new Read(period), ct)).ToHttpResult())
                .WithSummary("Số liệu báo cáo tình hình thực hiện chế độ báo cáo: phải gửi, đã gửi, đúng hạn, muộn, chưa gửi, xếp hạng, xu hướng");
            compliance.MapGet("/{period}/export", async (string period, string? format, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Export(period, format?.Trim().ToLowerInvariant()), ct)).ToHttpResult(f => Results.File(f.Content, f.ContentType, f.FileName)))
                .WithSummary("Tải báo cáo tình hình thực hiện chế độ báo cáo (.xlsx hoặc .docx)");
        }
    }
}
