namespace BaoCao.Deadlines.Domain;

/// <summary>How a regime sets its deadline: day N of the period's last month (default 20, Đ14.1b), N days after
/// the data window ends, or an explicit date (thematic and ad-hoc rounds).</summary>
internal sealed record DueDateRule(int? DayOfLastMonth, int? DaysAfterWindow, DateOnly? Explicit)
{
    public static readonly DueDateRule Default = new(20, null, null);
}

internal sealed record DueDate(DateOnly Unshifted, DateOnly Shifted, string? ShiftReason, string? Warning);

internal static class DueDates
{
    /// <summary>
    /// The legal due date: a deadline on a day off moves to the next working day (Civil Code 2015 Art. 148.5,
    /// Đ14.1b), with the reason; a warning when less than one working day lies between the end of the data window
    /// and the deadline (Decree 09 Art. 8.5b).
    /// </summary>
    public static DueDate For(Period period, WindowRule rule, DueDateRule due, HolidayCalendar calendar)
    {
        var window = period.Window(rule);
        var unshifted = due.Explicit
            ?? (due.DaysAfterWindow is { } after ? window.End.AddDays(after) : period.LastMonthDay(due.DayOfLastMonth ?? 20));
        var shifted = calendar.OnOrNextWorkingDay(unshifted);
        var reason = shifted == unshifted ? null : $"{unshifted:dd/MM/yyyy} là ngày nghỉ ({calendar.StatusOf(unshifted).Reason}), hạn chuyển sang ngày làm việc tiếp theo {shifted:dd/MM/yyyy}.";

        var workingDaysBetween = 0;
        for (var day = window.End.AddDays(1); day < shifted; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
                workingDaysBetween++;
        }
        var warning = workingDaysBetween >= 1 ? null
            : "Giữa ngày chốt số liệu và thời hạn gửi báo cáo chưa có ít nhất 01 ngày làm việc (Điều 8.5b Nghị định 09/2019/NĐ-CP).";
        return new DueDate(unshifted, shifted, reason, warning);
    }
}
