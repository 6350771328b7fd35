namespace BaoCao.Indicators.Features;

/// <summary>
/// The hint an officer sees beside a value far from the unit's own past values (median and MAD, so one past typo
/// does not hide the next). The Forms module asks the same question through the contract with the unit's history.
/// </summary>
internal static class CheckOutlier
{
    internal sealed record Query(decimal? Value, IReadOnlyList<decimal>? History) : IQuery<Result<Hint>>;

    internal sealed record Hint(bool Outlier, decimal? Median, decimal? Score, string? Message);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Value).NotNull().WithMessage("Cần gửi giá trị cần kiểm tra.");
            RuleFor(q => q.History).Must(h => h is null || h.Count <= 1000).WithMessage("Tối đa 1.000 giá trị lịch sử.");
        }
    }

    internal sealed class Handler(ISender sender) : IQueryHandler<Query, Result<Hint>>
    {
        public async ValueTask<Result<Hint>> Handle(Query query, CancellationToken cancellationToken)
        {
            var hint = await sender.Send(new Indicators.Contracts.CheckOutlier(query.Value!.Value, query.History ?? []), cancellationToken);
            return hint is null ? new Hint(false, null, null, null) : new Hint(true, hint.Median, hint.Score, hint.Message);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/indicators/outliers/check", async (Query query, ISender sender, CancellationToken ct) => (await sender.Send(query, ct)).ToHttpResult())
                .WithTags("Chỉ số")
                .WithSummary("Gợi ý giá trị bất thường so với lịch sử của đơn vị (trung vị và MAD)");
    }
}
