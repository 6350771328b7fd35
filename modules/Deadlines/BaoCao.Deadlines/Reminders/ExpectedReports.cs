using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;

namespace BaoCao.Deadlines.Reminders;

/// <summary>
/// Plans the reports units owe: for each active regime, the periods (or rounds) whose due date falls from a year ago to
/// a month ahead; for each, the regime's reporting units that existed at the period's end and were assigned one of its
/// forms during the period. Planning again adds what is missing and drops units that no longer owe a recent period (merged
/// away before its end); a period due more than 40 days ago and planned is not recomputed.
/// </summary>
internal sealed class ExpectedReports(DeadlinesDbContext db, ISender sender, WorkingCalendar calendars, TimeProvider clock)
{
    public async Task<int> PlanAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = await calendars.LoadAsync(cancellationToken);
        var from = today.AddDays(-366);
        var to = today.AddDays(31);
        var planned = (await db.ExpectedReports.AsNoTracking().Where(e => e.DueDate >= from)
                .Select(e => new { e.RegimeCode, e.Period, e.UnitCode }).ToListAsync(cancellationToken))
            .Select(e => (e.RegimeCode, e.Period, e.UnitCode)).ToHashSet();
        var added = 0;
        foreach (var regime in await sender.Send(new ListRegimes(), cancellationToken))
        {
            foreach (var (period, due) in Periods(regime, from, to, calendar))
            {
                var alreadyPlanned = planned.Any(p => p.RegimeCode == regime.Code && p.Period == period.Code);
                if (alreadyPlanned && due < today.AddDays(-40))
                    continue;
                var reporting = await sender.Send(new ListReportingUnits(regime.Code, period.End), cancellationToken);
                // A regime of forms is owed by the reporting units its forms are assigned to; a regime that is only a
                // narrative outline (an ad hoc report on a storm, say) by every reporting unit.
                var owing = regime.Forms.Count == 0
                    ? reporting.ToHashSet()
                    : reporting.Intersect(await sender.Send(new ListAssignedUnits(regime.Code, period.Start, period.End), cancellationToken)).ToHashSet();
                foreach (var unit in owing.Where(u => planned.Add((regime.Code, period.Code, u))))
                {
                    db.ExpectedReports.Add(new ExpectedReport(regime.Code, unit, period.Code, due, clock.GetUtcNow()));
                    added++;
                }
                // A unit merged away (or no longer assigned) before the period ended owes nothing for it.
                if (alreadyPlanned)
                    await db.ExpectedReports.Where(e => e.RegimeCode == regime.Code && e.Period == period.Code && !owing.Contains(e.UnitCode))
                        .ExecuteDeleteAsync(cancellationToken);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node planned the same rows at the same moment: theirs stand.
            db.ChangeTracker.Clear();
            return 0;
        }
        db.ChangeTracker.Clear();
        return added;
    }

    /// <summary>The regime's periods (or rounds) with their shifted due dates within the range.</summary>
    private static IEnumerable<(Period Period, DateOnly Due)> Periods(RegimeInfo regime, DateOnly from, DateOnly to, HolidayCalendar calendar)
    {
        var rule = regime.PeriodRule == "calendar" ? WindowRule.Calendar : WindowRule.Decree09;
        if (regime.Kind != RegimeKind.Periodic)
        {
            foreach (var round in regime.Rounds)
            {
                if (Period.TryParse(round.Period) is { } period
                    && DueDates.For(period, rule, new DueDateRule(null, null, round.DueDate), calendar).Shifted is var due && due >= from && due <= to)
                    yield return (period, due);
            }
            yield break;
        }
        var kind = PeriodKinds.Of(regime.Frequency);
        // Periods end before they fall due: start looking a year before the range.
        foreach (var period in Period.Covering(kind, from.AddYears(-1), to))
        {
            var due = DueDates.For(period, rule, new DueDateRule(regime.DueDay, regime.DueDaysAfterWindow, null), calendar).Shifted;
            if (due >= from && due <= to)
                yield return (period, due);
        }
    }
}
