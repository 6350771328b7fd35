using BaoCao.Accounts.Contracts;
using BaoCao.Workflow.Reports;

namespace BaoCao.Workflow.Features;

/// <summary>Download a report as .docx (to file or sign as a document) or .xlsx (to work with its figures); whoever may
/// read the report may download it.</summary>
internal static class ExportReport
{
    /// <param name="Version">A version of the report as it was then; null: the report as it is now.</param>
    internal sealed record Query(string RegimeCode, string UnitCode, string Period, string? Format, int? Version = null) : IQuery<Result<ExportedFile>>;

    internal sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Format).Must(f => f is "docx" or "xlsx").WithMessage("Định dạng (format) là docx hoặc xlsx.");
    }

    internal sealed class Handler(ISender sender) : IQueryHandler<Query, Result<ExportedFile>>
    {
        public async ValueTask<Result<ExportedFile>> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = query.Version is { } version
                ? await sender.Send(new ReviewReportVersions.Get(query.RegimeCode, query.UnitCode, query.Period, version), cancellationToken)
                : await sender.Send(new WriteReport.Get(query.RegimeCode, query.UnitCode, query.Period), cancellationToken);
            if (found.Value is not { } report)
                return Result<ExportedFile>.From(found);
            var unitName = (await sender.Send(new FindUnit(report.UnitCode), cancellationToken))?.Name ?? report.UnitCode;
            var name = $"{report.RegimeCode}_{report.UnitCode}_{report.Period}" + (query.Version is { } n ? $"_phien-ban-{n}" : "");
            return query.Format == "docx"
                ? new ExportedFile($"{name}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ReportDocuments.Docx(report, unitName))
                : new ExportedFile($"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportDocuments.Xlsx(report, unitName));
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/workflow/reports/{regimeCode}/{unitCode}/{period}/export", async (string regimeCode, string unitCode, string period, string? format,
                    int? version, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(regimeCode, unitCode, period, format?.Trim().ToLowerInvariant(), version), ct))
                        .ToHttpResult(file => Results.File(file.Content, file.ContentType, file.FileName)))
                .WithTags("Báo cáo")
                .WithSummary("Tải báo cáo dạng .docx hoặc .xlsx (format=docx|xlsx); version=n: đúng như ở phiên bản n");
    }
}
