using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Persistence;

/// <summary>The Government's announced schedules for 2024–2026 (every date off, swapped working Saturdays), shipped
/// as data; administrators add later years as they are announced.</summary>
internal static class OfficialSchedules
{
    private static IEnumerable<OfficialDay> Span(int scheduleYear, string name, DateOnly from, DateOnly to)
    {
        for (var date = from; date <= to; date = date.AddDays(1))
            yield return OfficialDay.Of(date, DayKind.Holiday, name, scheduleYear);
    }

    private static OfficialDay Saturday(int scheduleYear, DateOnly date, string forWhat) =>
        OfficialDay.Of(date, DayKind.WorkingSaturday, $"làm bù cho {forWhat}", scheduleYear);

    public static IEnumerable<OfficialDay> Shipped() =>
    [
        // 2024
        .. Span(2024, "Tết Dương lịch", new(2023, 12, 30), new(2024, 1, 1)),
        .. Span(2024, "Tết Nguyên đán Giáp Thìn", new(2024, 2, 8), new(2024, 2, 14)),
        .. Span(2024, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new(2024, 4, 18), new(2024, 4, 18)),
        .. Span(2024, "Ngày Chiến thắng và Quốc tế Lao động", new(2024, 4, 27), new(2024, 5, 1)),
        Saturday(2024, new(2024, 5, 4), "ngày 29/04/2024"),
        .. Span(2024, "Quốc khánh", new(2024, 8, 31), new(2024, 9, 3)),
        // 2025
        .. Span(2025, "Tết Dương lịch", new(2025, 1, 1), new(2025, 1, 1)),
        .. Span(2025, "Tết Nguyên đán Ất Tỵ", new(2025, 1, 25), new(2025, 2, 2)),
        .. Span(2025, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new(2025, 4, 5), new(2025, 4, 7)),
        .. Span(2025, "Ngày Chiến thắng và Quốc tế Lao động", new(2025, 4, 30), new(2025, 5, 4)),
        Saturday(2025, new(2025, 4, 26), "ngày 02/05/2025"),
        .. Span(2025, "Quốc khánh", new(2025, 8, 30), new(2025, 9, 2)),
        // 2026
        .. Span(2026, "Tết Dương lịch", new(2026, 1, 1), new(2026, 1, 4)),
        Saturday(2026, new(2026, 1, 10), "ngày 02/01/2026"),
        .. Span(2026, "Tết Nguyên đán Bính Ngọ", new(2026, 2, 14), new(2026, 2, 22)),
        .. Span(2026, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new(2026, 4, 25), new(2026, 4, 26)),
        OfficialDay.Of(new(2026, 4, 27), DayKind.Compensatory, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", 2026),
        .. Span(2026, "Ngày Chiến thắng và Quốc tế Lao động", new(2026, 4, 30), new(2026, 5, 3)),
        .. Span(2026, "Quốc khánh", new(2026, 8, 29), new(2026, 9, 2)),
        Saturday(2026, new(2026, 8, 22), "ngày 31/08/2026"),
    ];
}
