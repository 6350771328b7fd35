using System.Globalization;

namespace BaoCao.Dashboards.Widgets;

/// <summary>The period of a kind a day falls in, and how long each kind is (names: Deadlines' <c>PeriodNames</c>).</summary>
internal static class DashboardPeriods
{
    /// <summary>The code of the period of <paramref name="kind"/> (Month, Quarter, HalfYear, Year) that contains the day.</summary>
    public static string CodeOf(string kind, DateOnly day) => kind switch
    {
        "Quarter" => $"{day.Year}Q{(day.Month - 1) / 3 + 1}",
        "HalfYear" => $"{day.Year}S{(day.Month - 1) / 6 + 1}",
        "Year" => $"{day.Year}",
        _ => $"{day:yyyyMM}",
    };

    public static int Months(string kind) => kind switch { "Quarter" => 3, "HalfYear" => 6, "Year" => 12, _ => 1 };
}
