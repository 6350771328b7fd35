using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Integration;

internal sealed class PeriodRelations : IQueryHandler<GetRelatedPeriods, RelatedPeriods?>, IQueryHandler<ListPeriods, IReadOnlyList<PeriodSpan>?>
{
    private const int MaximumPeriods = 240;

    public ValueTask<IReadOnlyList<PeriodSpan>?> Handle(ListPeriods query, CancellationToken cancellationToken)
    {
        if (Period.TryParse(query.From) is not { } from || Period.TryParse(query.To) is not { } to || from.Kind != to.Kind || from.Start > to.Start
            || (from.Kind == PeriodKind.Custom && from != to))
            return ValueTask.FromResult<IReadOnlyList<PeriodSpan>?>(null);
        var periods = from.Kind == PeriodKind.Custom ? [from] : Period.Covering(from.Kind, from.Start, to.End).Take(MaximumPeriods + 1).ToList();
        return ValueTask.FromResult<IReadOnlyList<PeriodSpan>?>(periods.Count > MaximumPeriods ? null
            : [.. periods.Select(p => new PeriodSpan(p.Code, p.Kind, p.Start, p.End, Parts(p)))]);
    }

    private static IReadOnlyList<IReadOnlyList<string>> Parts(Period period)
    {
        var finer = period.Kind switch
        {
            PeriodKind.Quarter => [PeriodKind.Month],
            PeriodKind.HalfYear or PeriodKind.NineMonths => [PeriodKind.Month, PeriodKind.Quarter],
            PeriodKind.Year => new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.HalfYear },
            _ => [],
        };
        return [.. finer.Select(kind => (IReadOnlyList<string>)[.. Period.Covering(kind, period.Start, period.End).Select(p => p.Code)])];
    }

    public ValueTask<RelatedPeriods?> Handle(GetRelatedPeriods query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Period.TryParse(query.Code) is { } period
            ? new RelatedPeriods(period.Code, period.Previous(), period.SameLastYear(), period.YearToDate())
            : null);
}
