using System.Globalization;

namespace BaoCao.Deadlines.Contracts;

/// <summary>
/// The one way a period is named in front of people, from its code (YYYYMM, YYYYQn, YYYYSn, YYYY9M, YYYY,
/// YYYYMMDD-YYYYMMDD): "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026", a thematic
/// or ad hoc round by its dates. A code it does not know is shown as it is. Pages use it through the shared
/// <c>&lt;PeriodLabel&gt;</c>; documents, e-mails and charts call it directly.
/// </summary>
public static class PeriodNames
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static string Of(string? code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        if (c.Length == 6 && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _) && int.Parse(c[4..], CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month)
            return $"Tháng {month}/{c[..4]}";
        if (c.Length == 6 && c[4] == 'Q' && c[5] is >= '1' and <= '4')
            return $"Quý {Roman[c[5] - '1']}/{c[..4]}";
        if (c.Length == 6 && c[4] == 'S' && c[5] is '1' or '2')
            return c[5] == '1' ? $"6 tháng đầu năm {c[..4]}" : $"6 tháng cuối năm {c[..4]}";
        if (c.Length == 6 && c.EndsWith("9M", StringComparison.Ordinal))
            return $"9 tháng năm {c[..4]}";
        if (c.Length == 4 && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return $"Năm {c}";
        if (c.Length == 17 && c[8] == '-' && Day(c[..8]) is { } from && Day(c[9..]) is { } to)
            return $"Từ {from:dd/MM/yyyy} đến {to:dd/MM/yyyy}";
        return code ?? "";
    }

    /// <summary>Where room is short (chart axes, column heads): a month as "T11/2026", any other period by its name.</summary>
    public static string Short(string? code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        return c.Length == 6 && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"T{c[4..]}/{c[..4]}" : Of(code);
    }

    private static DateOnly? Day(string yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
