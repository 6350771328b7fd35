using System.Globalization;
using System.Text.RegularExpressions;
using BaoCao.Deadlines.Contracts;

namespace BaoCao.Deadlines.Domain;

/// <summary>Which data window a regime uses: Decree 09/2019 Art. 12 cut-off windows, or calendar periods
/// (statistical regimes under the Law on Statistics).</summary>
internal enum WindowRule
{
    Decree09,
    Calendar,
}

/// <summary>
/// A reporting period by code: month <c>YYYYMM</c>, quarter <c>YYYYQn</c>, half-year <c>YYYYSn</c>, nine months
/// <c>YYYY9M</c>, year <c>YYYY</c>, or a custom range <c>YYYYMMDD-YYYYMMDD</c> for thematic and ad-hoc rounds.
/// </summary>
internal sealed partial record Period(string Code, PeriodKind Kind, DateOnly Start, DateOnly End)
{
    public const string Formats = "YYYYMM (tháng), YYYYQn (quý), YYYYSn (6 tháng), YYYY9M (9 tháng), YYYY (năm) hoặc YYYYMMDD-YYYYMMDD (tùy chọn)";

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?<m>\d{2})|Q(?<q>[1-4])|S(?<s>[12])|(?<n>9M))?$")]
    private static partial Regex Regular();

    [GeneratedRegex(@"^(?<from>\d{8})-(?<to>\d{8})$")]
    private static partial Regex Custom();

    public static Period? TryParse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        code = Codes.Normalize(code);
        if (Custom().Match(code) is { Success: true } custom)
        {
            if (!DateOnly.TryParseExact(custom.Groups["from"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(custom.Groups["to"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                || to < from || to.DayNumber - from.DayNumber > 3660)
                return null;
            return InRange(new Period(code, PeriodKind.Custom, from, to));
        }
        var match = Regular().Match(code);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        // Beyond the lunar calendar there is nothing to compute (and 9999Q4's end would overflow DateOnly).
        if (year < 1901 || year > LunarCalendar.Latest.Year)
            return null;
        if (match.Groups["m"].Success)
        {
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is < 1 or > 12 ? null : InRange(new Period(code, PeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month))));
        }
        if (match.Groups["q"].Success)
        {
            var quarter = int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture);
            var first = new DateOnly(year, quarter * 3 - 2, 1);
            return InRange(new Period(code, PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1)));
        }
        if (match.Groups["s"].Success)
        {
            var half = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
            return InRange(half == 1
                ? new Period(code, PeriodKind.HalfYear, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30))
                : new Period(code, PeriodKind.HalfYear, new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)));
        }
        if (match.Groups["n"].Success)
            return InRange(new Period(code, PeriodKind.NineMonths, new DateOnly(year, 1, 1), new DateOnly(year, 9, 30)));
        return InRange(new Period(code, PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
    }

    private static Period? InRange(Period period) =>
        period.Start.Year < 1901 || period.End > LunarCalendar.Latest ? null : period;

    /// <summary>The data window: Decree 09 Art. 12 (from day 15 of the month before, to day 14 of the last month), or the calendar period.</summary>
    public (DateOnly Start, DateOnly End) Window(WindowRule rule)
    {
        if (rule == WindowRule.Calendar || Kind == PeriodKind.Custom)
            return (Start, End);
        // Every Decree 09 window runs from day 15 of the month before the period to day 14 of its last month
        // (a year: 15/12 of the previous year to 14/12; the second half-year: 15/06 to 14/12).
        return (new DateOnly(Start.Year, Start.Month, 15).AddMonths(-1), new DateOnly(End.Year, End.Month, 14));
    }

    /// <summary>The period before this one of the same kind (December before January; the second half before the first).</summary>
    public string? Previous() => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(-1).ToString("yyyyMM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => Start.Month == 1 ? $"{Start.Year - 1}Q4" : $"{Start.Year}Q{(Start.Month - 1) / 3}",
        PeriodKind.HalfYear => Start.Month == 1 ? $"{Start.Year - 1}S2" : $"{Start.Year}S1",
        PeriodKind.NineMonths => $"{Start.Year - 1}9M",
        PeriodKind.Year => $"{Start.Year - 1}",
        _ => null,
    };

    /// <summary>The same period one year earlier.</summary>
    public string SameLastYear() => Kind == PeriodKind.Custom
        ? $"{Start.AddYears(-1):yyyyMMdd}-{End.AddYears(-1):yyyyMMdd}"
        : $"{Start.Year - 1}{Code.AsSpan(4)}";

    /// <summary>The periods of the same kind from the start of the year up to and including this one.</summary>
    public IReadOnlyList<string> YearToDate() => Kind switch
    {
        PeriodKind.Month => [.. Enumerable.Range(1, Start.Month).Select(m => $"{Start.Year}{m:00}")],
        PeriodKind.Quarter => [.. Enumerable.Range(1, (Start.Month + 2) / 3).Select(q => $"{Start.Year}Q{q}")],
        PeriodKind.HalfYear => Start.Month == 1 ? [Code] : [$"{Start.Year}S1", Code],
        _ => [Code],
    };

    /// <summary>The periods of a kind that overlap the days from <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    public static IEnumerable<Period> Covering(PeriodKind kind, DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            IEnumerable<string> codes = kind switch
            {
                PeriodKind.Month => Enumerable.Range(1, 12).Select(m => $"{year}{m:00}"),
                PeriodKind.Quarter => Enumerable.Range(1, 4).Select(q => $"{year}Q{q}"),
                PeriodKind.HalfYear => [$"{year}S1", $"{year}S2"],
                PeriodKind.NineMonths => [$"{year}9M"],
                PeriodKind.Year => [$"{year}"],
                _ => [],
            };
            foreach (var period in codes.Select(TryParse).OfType<Period>().Where(p => p.End >= from && p.Start <= to))
                yield return period;
        }
    }

    /// <summary>The last month of the period, where "day N of the last month" due dates fall.</summary>
    public DateOnly LastMonthDay(int day) => new(End.Year, End.Month, Math.Min(day, DateTime.DaysInMonth(End.Year, End.Month)));
}
