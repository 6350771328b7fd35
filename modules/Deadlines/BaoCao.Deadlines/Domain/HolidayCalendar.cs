namespace BaoCao.Deadlines.Domain;

/// <summary>What a date is for civil servants, and why.</summary>
internal sealed record DayStatus(DateOnly Date, bool IsWorkingDay, DayKind? Kind, string Reason);

/// <summary>
/// The working-day calendar: Monday–Friday, less the days off, plus swapped working Saturdays. A year whose
/// schedule the Government announced follows it (<see cref="OfficialDay"/>); any other year follows the
/// statutory days of Labour Code 2019 Art. 112 with compensatory days (Art. 111.3) and these documented defaults:
/// Tết Âm lịch is the last day of the lunar year and days 1–4 of the new one; the day adjacent to 2/9 is 1/9.
/// </summary>
internal sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, OfficialDay> _official;
    private readonly HashSet<int> _announcedYears;
    // Filled per year on first use; one calendar is shared by all requests (WorkingCalendar caches it).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Dictionary<DateOnly, (DayKind Kind, string Name)>> _defaults = [];

    public HolidayCalendar(IEnumerable<OfficialDay> officialDays)
    {
        var days = officialDays.ToList();
        _official = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.First());
        _announcedYears = [.. days.Select(d => d.ScheduleYear)];
    }

    public bool IsAnnounced(int year) => _announcedYears.Contains(year);

    public DayStatus StatusOf(DateOnly date)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (_official.TryGetValue(date, out var official))
        {
            return official.Kind == DayKind.WorkingSaturday
                ? new DayStatus(date, true, DayKind.WorkingSaturday, $"Thứ Bảy làm việc bù ({official.Name})")
                : new DayStatus(date, false, official.Kind, official.Name);
        }
        if (!IsAnnounced(date.Year) && Defaults(date.Year).TryGetValue(date, out var statutory))
            return new DayStatus(date, false, statutory.Kind, statutory.Name);
        return weekend
            ? new DayStatus(date, false, null, date.DayOfWeek == DayOfWeek.Saturday ? "Thứ Bảy (ngày nghỉ hằng tuần)" : "Chủ nhật (ngày nghỉ hằng tuần)")
            : new DayStatus(date, true, null, "Ngày làm việc");
    }

    public bool IsWorkingDay(DateOnly date) => StatusOf(date).IsWorkingDay;

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

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>Holidays, compensatory days and working Saturdays of a year, by date.</summary>
    public IReadOnlyList<(DateOnly Date, DayKind Kind, string Name)> YearOf(int year)
    {
        var listed = _official.Values.Where(d => d.Date.Year == year).Select(d => (d.Date, d.Kind, d.Name));
        if (!IsAnnounced(year))
            listed = listed.Concat(Defaults(year).Select(d => (d.Key, d.Value.Kind, d.Value.Name)));
        return [.. listed.GroupBy(d => d.Date).Select(g => g.First()).OrderBy(d => d.Date)];
    }

    private Dictionary<DateOnly, (DayKind Kind, string Name)> Defaults(int year)
    {
        if (_defaults.TryGetValue(year, out var cached))
            return cached;
        var days = new Dictionary<DateOnly, (DayKind, string)>();
        void Holiday(DateOnly date, string name) => days[date] = (DayKind.Holiday, name);

        Holiday(new DateOnly(year, 1, 1), "Tết Dương lịch");
        if (LunarCalendar.ToSolar(year, 1, 1, false) is { } tet)
        {
            var canChi = CanChi(year);
            for (var offset = -1; offset <= 3; offset++)
                Holiday(tet.AddDays(offset), $"Tết Nguyên đán {canChi}");
        }
        if (LunarCalendar.ToSolar(year, 3, 10, false) is { } hungKings)
            Holiday(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        Holiday(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)");
        Holiday(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)");
        Holiday(new DateOnly(year, 9, 1), "Quốc khánh (ngày liền kề)");
        Holiday(new DateOnly(year, 9, 2), "Quốc khánh (2/9)");

        // A holiday on the weekly rest day gives the next working day off (Art. 111.3), after the holidays themselves.
        foreach (var (date, (_, name)) in days.Where(d => d.Key.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).OrderBy(d => d.Key).ToList())
        {
            var next = date.AddDays(1);
            while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.ContainsKey(next))
                next = next.AddDays(1);
            days[next] = (DayKind.Compensatory, $"Nghỉ bù {name}");
        }
        return _defaults[year] = days;
    }

    private static readonly string[] Stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
    private static readonly string[] Branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    /// <summary>The year's name in the sexagenary cycle: 2026 is Bính Ngọ.</summary>
    public static string CanChi(int lunarYear) => $"{Stems[(lunarYear + 6) % 10]} {Branches[(lunarYear + 8) % 12]}";
}
