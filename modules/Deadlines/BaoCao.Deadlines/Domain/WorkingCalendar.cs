namespace BaoCao.Deadlines.Domain;

/// <summary>
/// Which days civil servants work. For now the weekly rest days only (Monday–Friday work); the holiday
/// calendar (Tết, statutory holidays, compensatory days, official schedules) plugs in behind this type.
/// </summary>
internal sealed class WorkingCalendar
{
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var date = from;
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
                remaining--;
        }
        return date;
    }
}
