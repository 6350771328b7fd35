namespace BaoCao.Indicators.Domain;

/// <param name="Median">The median of the unit's own history.</param>
/// <param name="Score">The robust z-score 0.6745·(x − median) / MAD.</param>
internal sealed record OutlierHint(decimal Median, decimal Deviation, decimal Score, string Message);

/// <summary>
/// Flags an entered value far from the unit's own history using the median and the median absolute deviation
/// (Iglewicz–Hoaglin modified z-score, |z| &gt; 3.5): one past typo does not hide the next, as it would with mean ± k·sd.
/// </summary>
internal static class OutlierHints
{
    public const int MinimumHistory = 5;
    public const decimal Threshold = 3.5m;

    public static OutlierHint? Check(decimal value, IReadOnlyList<decimal> history)
    {
        if (history.Count < MinimumHistory)
            return null;
        var median = Median(history);
        var mad = Median([.. history.Select(h => Math.Abs(h - median))]);
        decimal score;
        if (mad != 0)
            score = 0.6745m * (value - median) / mad;
        else
        {
            // More than half the history is one value: fall back to the mean absolute deviation (×1.2533 ≈ σ).
            var meanDeviation = history.Average(h => Math.Abs(h - median));
            if (meanDeviation == 0)
                return value == median ? null : new OutlierHint(median, 0, value > median ? 99 : -99,
                    $"Giá trị {Format(value)} khác với mọi kỳ trước (luôn là {Format(median)}). Đề nghị kiểm tra lại.");
            score = (value - median) / (1.2533m * meanDeviation);
        }
        if (Math.Abs(score) <= Threshold)
            return null;
        var direction = score > 0 ? "cao" : "thấp";
        return new OutlierHint(median, mad, Math.Round(score, 2),
            $"Giá trị {Format(value)} {direction} bất thường so với số liệu các kỳ trước của đơn vị (trung vị {Format(median)}). Đề nghị kiểm tra lại.");
    }

    private static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(decimal value) => value.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
