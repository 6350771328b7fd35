using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Projection;
using BaoCao.Deadlines.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Text;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// An indicator's series for some units over a range of periods, from the aggregates read model: the unit's roll-up
/// (its own approved figure, else its sub-units' combined) or, with rollup=false, its own approved figures only. Every
/// period of the range has a point (value null where there is none). Scope-filtered: units where the caller may view
/// dashboards show approved figures, all others (and every unit for an anonymous caller) only published ones.
/// </summary>
internal static class QueryIndicatorSeries
{
    public const int MaximumUnits = 100;

    internal sealed record Query(string? Indicator, string? Units, string? From, string? To, bool? Rollup) : IQuery<Result<SeriesAnswer>>;

    internal sealed record SeriesAnswer(string Indicator, IReadOnlyList<UnitSeries> Series);

    internal sealed record UnitSeries(string UnitCode, IReadOnlyList<SeriesPoint> Points);

    /// <param name="Complete">Whether every part of the period has a figure (a month: whether it has one); a quarter, half-year,
    /// nine months or year combined from two of its three months is not complete, and the public gets no value for it.</param>
    internal sealed record SeriesPoint(string Period, decimal? Value, bool Complete, PartsCount Parts);

    /// <param name="Present">How many parts of the period (months of a quarter, quarters of a year…) have a figure.</param>
    /// <param name="Expected">How many parts the period has; 1 for a figure stored for the period itself.</param>
    internal sealed record PartsCount(int Present, int Expected);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Indicator).NotEmpty().WithMessage("Cần mã chỉ số (indicator).").MaximumLength(64).WithMessage("Mã chỉ số dài quá 64 ký tự.");
            RuleFor(q => q.Units).MaximumLength(MaximumUnits * 65).WithMessage($"Tối đa {MaximumUnits} đơn vị một lần.");
            RuleFor(q => q.From).MaximumLength(32).WithMessage("Kỳ from không hợp lệ.");
            RuleFor(q => q.To).MaximumLength(32).WithMessage("Kỳ to không hợp lệ.");
        }
    }

    internal sealed class Handler(ISender sender, ViewerScope scope, TimeProvider clock) : IQueryHandler<Query, Result<SeriesAnswer>>
    {
        public async ValueTask<Result<SeriesAnswer>> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Indicator!);
            if ((await sender.Send(new GetIndicators([code]), cancellationToken)).SingleOrDefault() is not { } indicator)
                return Result<SeriesAnswer>.NotFound($"Không có chỉ số mã '{query.Indicator}'.");
            var periods = await PeriodRange.ResolveAsync(sender, clock, query.From, query.To, cancellationToken);
            if (periods.Error is { } periodError)
                return Result<SeriesAnswer>.Invalid(periodError, periods.Field);
            var units = (query.Units ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => u.ToUpperInvariant()).Distinct().ToList();
            if (units.Count > MaximumUnits)
                return Result<SeriesAnswer>.Invalid($"Tối đa {MaximumUnits} đơn vị một lần.", "units");
            if (units.Count == 0 && await scope.HomeUnitAsync(cancellationToken) is { } home)
                units.Add(home);
            var known = (await sender.Send(new ListAllUnits(), cancellationToken)).Select(u => u.Code).ToHashSet();
            if (units.FirstOrDefault(u => !known.Contains(u)) is { } unknown)
                return Result<SeriesAnswer>.NotFound($"Không có đơn vị mã '{unknown}'.");
            var values = await scope.ReadFiguresAsync(indicator, units, periods.Spans, query.Rollup ?? true, cancellationToken);
            // Rounded to the indicator's precision here, at the edge; the read model keeps exact figures.
            SeriesPoint Point(string period, Figure f) => new(period, Decimals.Round(f.Value, indicator.Precision), f.Complete, new PartsCount(f.Present, f.Expected));
            return new SeriesAnswer(indicator.Code, [.. units.Select(u => new UnitSeries(u, [.. periods.Spans.Select((p, i) => Point(p.Code, values[u][i]))]))]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/dashboards/query", async (string? indicator, string? units, string? from, string? to, bool? rollup, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(indicator, units, from, to, rollup), ct)).ToHttpResult())
                .AllowAnonymous() // anonymous callers get published figures only
                .WithTags("Bảng điều khiển")
                .WithSummary("Chuỗi số liệu của một chỉ số theo đơn vị và kỳ (tổng hợp theo cây đơn vị khi rollup=true, mặc định)");
    }
}

/// <summary>A range of periods from query parameters: both codes of one kind, one code for a single period, or by
/// default the twelve months up to last month.</summary>
internal sealed record PeriodRange(IReadOnlyList<PeriodSpan> Spans, string? Error, string? Field)
{
    public static async Task<PeriodRange> ResolveAsync(ISender sender, TimeProvider clock, string? from, string? to, CancellationToken cancellationToken)
    {
        from = string.IsNullOrWhiteSpace(from) ? null : Codes.Normalize(from);
        to = string.IsNullOrWhiteSpace(to) ? null : Codes.Normalize(to);
        if (from is null && to is null)
        {
            var lastMonth = VietnamTime.Today(clock).AddMonths(-1);
            (from, to) = ($"{lastMonth.AddMonths(-11):yyyyMM}", $"{lastMonth:yyyyMM}");
        }
        from ??= to;
        to ??= from;
        foreach (var (code, field) in new[] { (from!, "from"), (to!, "to") })
        {
            if (await sender.Send(new ListPeriods(code, code), cancellationToken) is null)
                return new([], $"Kỳ '{code}' không hợp lệ. Dùng YYYYMM (tháng), YYYYQn (quý), YYYYSn (6 tháng), YYYY9M (9 tháng) hoặc YYYY (năm).", field);
        }
        return await sender.Send(new ListPeriods(from!, to!), cancellationToken) is { } spans
            ? new(spans, null, null)
            : new([], "Kỳ from và to phải cùng loại (cùng là tháng, quý, 6 tháng hoặc năm), from không sau to, và không quá 240 kỳ.", "from");
    }
}
