using BaoCao.Indicators.Persistence;

namespace BaoCao.Indicators.Features;

/// <summary>
/// Checks a formula against the catalogue as it is typed: syntax, unknown or retired codes, types, and — when the
/// indicator being edited is named in <c>code</c> — cycles through other computed indicators. Positions are
/// zero-based character offsets into the formula.
/// </summary>
internal static class ValidateFormula
{
    internal sealed record Query(string? Formula, string? Code) : IQuery<Result<Checked>>;

    internal sealed record Checked(bool Valid, IReadOnlyList<Problem> Errors, IReadOnlyList<string> Dependencies);

    internal sealed record Problem(string Message, int Position);

    internal sealed class Handler(IndicatorsDbContext db, ISender sender) : IQueryHandler<Query, Result<Checked>>
    {
        public async ValueTask<Result<Checked>> Handle(Query query, CancellationToken cancellationToken)
        {
            var catalogue = await CatalogueSnapshot.LoadAsync(db, sender, cancellationToken, withUnits: false);
            var check = catalogue.CheckFormula(query.Formula, string.IsNullOrWhiteSpace(query.Code) ? null : Codes.Normalize(query.Code));
            return new Checked(check.Valid, [.. check.Errors.Select(e => new Problem(e.Message, e.Position))], check.Dependencies);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/indicators/formula/validate", async (Query query, ISender sender, CancellationToken ct) =>
                    (await sender.Send(query, ct)).ToHttpResult())
                .WithTags("Chỉ số")
                .WithSummary("Kiểm tra công thức: cú pháp, mã chỉ số, kiểu, vòng lặp; trả về danh sách chỉ số đầu vào");
    }
}
