using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Integration;

internal sealed class WorkingDayQueries(WorkingCalendar calendar)
    : IQueryHandler<IsWorkingDay, bool>, IQueryHandler<AddWorkingDays, DateOnly>, IQueryHandler<NextWorkingDay, DateOnly>
{
    public async ValueTask<bool> Handle(IsWorkingDay query, CancellationToken cancellationToken) =>
        (await calendar.LoadAsync(cancellationToken)).IsWorkingDay(query.Date);

    public async ValueTask<DateOnly> Handle(AddWorkingDays query, CancellationToken cancellationToken) =>
        (await calendar.LoadAsync(cancellationToken)).AddWorkingDays(query.From, query.Days);

    public async ValueTask<DateOnly> Handle(NextWorkingDay query, CancellationToken cancellationToken) =>
        (await calendar.LoadAsync(cancellationToken)).OnOrNextWorkingDay(query.Date);
}
