using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using Mediator;

namespace BaoCao.Deadlines.Integration;

internal sealed class WorkingDayQueries(WorkingCalendar calendar)
    : IQueryHandler<IsWorkingDay, bool>, IQueryHandler<AddWorkingDays, DateOnly>
{
    public ValueTask<bool> Handle(IsWorkingDay query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(calendar.IsWorkingDay(query.Date));

    public ValueTask<DateOnly> Handle(AddWorkingDays query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(calendar.AddWorkingDays(query.From, query.Days));
}
