namespace BaoCao.Deadlines.Domain;

/// <summary>
/// The public holidays of Labour Code 2019 Art. 112.1 that every schedule of a year must give: an announcement may
/// move, lengthen or swap days but never drop one. A holiday is given when (1) its dates are listed as days off
/// (Holiday or Compensatory, even on a weekend — announcements list the weekend days inside a break) and (2) the
/// unbroken break holding it (listed days off, joined by ordinary weekends) takes at least as many weekdays off as the
/// statutory days it holds, so a holiday on the weekly rest day is made up (Art. 111.3) or swapped.
/// </summary>
internal static class StatutoryHolidays
{
    /// <param name="Name">What an administrator is told is missing (Vietnamese, with the dates).</param>
    /// <param name="Anchor">The date whose break is counted.</param>
    /// <param name="Days">How many days off the law gives for it.</param>
    /// <param name="IsListed">Whether the schedule lists the dates the law fixes.</param>
    private sealed record Holiday(string Name, DateOnly Anchor, int Days, Func<ISet<DateOnly>, bool> IsListed);

    /// <summary>One message per holiday of <paramref name="year"/> the schedule does not give, each naming it; empty when
    /// the schedule holds them all.</summary>
    public static IReadOnlyList<string> MissingFrom(int year, IEnumerable<(DateOnly Date, DayKind Kind)> schedule)
    {
        var days = schedule.ToList();
        var off = days.Where(d => d.Kind != DayKind.WorkingSaturday).Select(d => d.Date).ToHashSet();
        var workingSaturdays = days.Where(d => d.Kind == DayKind.WorkingSaturday).Select(d => d.Date).ToHashSet();

        var missing = new List<string>();
        var given = new List<Holiday>();
        foreach (var holiday in Of(year))
        {
            if (holiday.IsListed(off))
                given.Add(holiday);
            else
                missing.Add($"{holiday.Name} chưa là ngày nghỉ");
        }
        // Holidays that share a break (Giỗ Tổ on 29/4, then 30/4 and 1/5) need their days together.
        foreach (var inBreak in given.GroupBy(h => BreakOf(h.Anchor, off, workingSaturdays)))
        {
            var needed = inBreak.Sum(h => h.Days);
            var (first, last) = inBreak.Key;
            var weekdaysOff = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)
                .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && off.Contains(d));
            if (weekdaysOff < needed)
                missing.Add($"{string.Join(", ", inBreak.Select(h => h.Name))}: đợt nghỉ chỉ có {weekdaysOff} ngày làm việc được nghỉ, luật định {needed} ngày (ngày lễ rơi vào Thứ Bảy, Chủ nhật phải được nghỉ bù — Điều 111.3)");
        }
        return missing;
    }

    /// <summary>The statutory holidays of a year (Tết Âm lịch and Giỗ Tổ by the UTC+7 lunar calendar).</summary>
    private static IEnumerable<Holiday> Of(int year)
    {
        var newYear = new DateOnly(year, 1, 1);
        yield return new($"Tết Dương lịch ({newYear:dd/MM/yyyy})", newYear, 1, off => off.Contains(newYear));
        // Art. 112 gives five days of Tết and lets the Prime Minister fix them; every announcement holds mùng 1–3.
        if (LunarCalendar.ToSolar(year, 1, 1, false) is { } tet)
            yield return new($"Tết Âm lịch (mùng 1–3 tháng Giêng: {tet:dd/MM}–{tet.AddDays(2):dd/MM/yyyy}, 5 ngày nghỉ)", tet, 5,
                off => off.Contains(tet) && off.Contains(tet.AddDays(1)) && off.Contains(tet.AddDays(2)));
        if (LunarCalendar.ToSolar(year, 3, 10, false) is { } hungKings)
            yield return new($"Giỗ Tổ Hùng Vương (10/3 âm lịch: {hungKings:dd/MM/yyyy})", hungKings, 1, off => off.Contains(hungKings));
        var victory = new DateOnly(year, 4, 30);
        yield return new($"Ngày Chiến thắng ({victory:dd/MM/yyyy})", victory, 1, off => off.Contains(victory));
        var labour = new DateOnly(year, 5, 1);
        yield return new($"Ngày Quốc tế Lao động ({labour:dd/MM/yyyy})", labour, 1, off => off.Contains(labour));
        var national = new DateOnly(year, 9, 2);
        yield return new($"Quốc khánh ({national:dd/MM/yyyy} và một ngày liền kề: 01/09 hoặc 03/09)", national, 2,
            off => off.Contains(national) && (off.Contains(national.AddDays(-1)) || off.Contains(national.AddDays(1))));
    }

    /// <summary>The days of the unbroken break around <paramref name="date"/>: listed days off, and Saturdays and Sundays
    /// that are not swapped into working days.</summary>
    private static (DateOnly First, DateOnly Last) BreakOf(DateOnly date, ISet<DateOnly> off, ISet<DateOnly> workingSaturdays)
    {
        bool Free(DateOnly d) => off.Contains(d) || (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !workingSaturdays.Contains(d));
        var first = date;
        while (Free(first.AddDays(-1)))
            first = first.AddDays(-1);
        var last = date;
        while (Free(last.AddDays(1)))
            last = last.AddDays(1);
        return (first, last);
    }
}
