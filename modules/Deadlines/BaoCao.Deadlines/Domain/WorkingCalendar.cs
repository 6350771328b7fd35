using BaoCao.Deadlines.Persistence;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Deadlines.Domain;

/// <summary>Loads the holiday calendar (announced schedules from the database, statutory rules for other years). Every
/// period, due date and form read asks for it and it changes when an official schedule is entered: it is kept in
/// <see cref="Cache"/>, cleared by any change to the official days (30 s across nodes).</summary>
internal sealed class WorkingCalendar(DeadlinesDbContext db, WorkingCalendar.Cache cache)
{
    public Task<HolidayCalendar> LoadAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(true, async () => new HolidayCalendar(await db.OfficialDays.AsNoTracking().ToListAsync(cancellationToken)));

    internal sealed class Cache(TimeProvider clock) : NodeCache<bool, HolidayCalendar>(clock, TimeSpan.FromSeconds(30), [typeof(OfficialDay)]);
}
