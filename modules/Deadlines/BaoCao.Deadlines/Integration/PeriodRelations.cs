using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Integration;

internal sealed class PeriodRelations : IQueryHandler<GetRelatedPeriods, RelatedPeriods?>
{
    public ValueTask<RelatedPeriods?> Handle(GetRelatedPeriods query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Period.TryParse(query.Code) is { } period
            ? new RelatedPeriods(period.Code, period.Previous(), period.SameLastYear(), period.YearToDate())
            : null);
}
