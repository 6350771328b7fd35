using System.Globalization;

namespace BaoCao.Dashboards.Widgets;

/// <summary>Period codes as Vietnamese readers write them, and the period of a kind a day falls in.</summary>
internal static class PeriodLabels
{
    public static string Of(string code)
    {
        if (code.Length == 6 && int.TryParse(code, CultureInfo.InvariantCulture, out _))
            return $"T{code[4..]}/{code[..4]}";
        if (code.Length == 6 && code[4] == 'Q')
            return $"Quý {code[5]}/{code[..4]}";
        if (code.Length == 6 && code[4] == 'S')
            return code[5] == '1' ? $"6 tháng đầu năm {code[..4]}" : $"6 tháng cuối năm {code[..4]}";
        if (code.EndsWith("9M", StringComparison.Ordinal))
            return $"9 tháng {code[..4]}";
        return code.Length == 4 ? $"Năm {code}" : code;
    }

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
