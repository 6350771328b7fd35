using BaoCao.Indicators.Files;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Indicators.Features;

/// <summary>Anyone signed in downloads the catalogue (current versions and the disaggregations) as .xlsx or JSON; the file
/// imports back unchanged, so a department can edit its indicators in Excel and send them back.</summary>
internal static class ExportCatalogue
{
    internal sealed record Query(string? Format) : IQuery<Result<Exported>>;

    internal sealed record Exported(byte[] Content, string ContentType, string FileName);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Format).Must(f => f is null or "xlsx" or "json").WithMessage("Định dạng phải là xlsx hoặc json.");
    }

    internal sealed class Handler(IndicatorsDbContext db, TimeProvider clock) : IQueryHandler<Query, Result<Exported>>
    {
        public async ValueTask<Result<Exported>> Handle(Query query, CancellationToken cancellationToken)
        {
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
            var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
            var stamp = VietnamTime.Today(clock).ToString("yyyyMMdd");
            return query.Format == "json"
                ? new Exported(CatalogueFile.WriteJson(categories, indicators), "application/json", $"danh-muc-chi-so-{stamp}.json")
                : new Exported(CatalogueFile.WriteExcel(categories, indicators), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-muc-chi-so-{stamp}.xlsx");
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/indicators/export", async (string? format, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(format?.Trim().ToLowerInvariant()), ct)).ToHttpResult(file => Results.File(file.Content, file.ContentType, file.FileName)))
                .WithTags("Chỉ số")
                .WithSummary("Tải danh mục chỉ số (.xlsx hoặc JSON)");
    }
}
