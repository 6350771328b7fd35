using BaoCao.Deadlines.Persistence;

namespace BaoCao.Deadlines.Domain;

/// <summary>Loads the holiday calendar (announced schedules from the database, statutory rules for other years).</summary>
internal sealed class WorkingCalendar(DeadlinesDbContext db)
{
    public async Task<HolidayCalendar> LoadAsync(CancellationToken cancellationToken) =>
        new(await db.OfficialDays.AsNoTracking().ToListAsync(cancellationToken));
}
