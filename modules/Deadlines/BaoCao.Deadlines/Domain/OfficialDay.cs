namespace BaoCao.Deadlines.Domain;

internal enum DayKind
{
    /// <summary>An official day off other than a compensatory day (weekend dates inside an announced span included).</summary>
    Holiday,
    /// <summary>A day off because a holiday fell on the weekly rest day (Labour Code 2019, Art. 111.3).</summary>
    Compensatory,
    /// <summary>A Saturday swapped into a working day ("làm bù").</summary>
    WorkingSaturday,
}

/// <summary>
/// One date of the civil servants' schedule the Government announces each year: a day off or a swapped working
/// Saturday. Data, not code: administrators enter each year's announcement; 2024–2026 ship with the system. A year
/// with an announcement follows it entirely; a year without one follows the statutory defaults.
/// </summary>
internal sealed class OfficialDay
{
    private OfficialDay() { }

    public DateOnly Date { get; private set; }
    public DayKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The year whose announcement lists the date (30/12/2023 belongs to the 2024 Tết Dương lịch span).</summary>
    public int ScheduleYear { get; private set; }

    public static OfficialDay Of(DateOnly date, DayKind kind, string name, int scheduleYear) =>
        new() { Date = date, Kind = kind, Name = name.Trim(), ScheduleYear = scheduleYear };
}
