namespace BaoCao.SharedKernel.Text;

public static class Decimals
{
    /// <summary>The number without trailing zeros of its scale: 1000.00000000 → 1000 (equal value, shorter text).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Normalize(decimal? value) => value is { } number ? Normalize(number) : null;

    /// <summary>A figure as it leaves the system — API, pages, files — at the indicator's precision, halves away from zero
    /// as officials (and Excel) round; stored values are never rounded. Every edge rounds through here so the grid, the
    /// report, the dashboards and the exports show the same digits.</summary>
    public static decimal Round(decimal value, int precision) => Normalize(Math.Round(value, Math.Clamp(precision, 0, 10), MidpointRounding.AwayFromZero));

    public static decimal? Round(decimal? value, int precision) => value is { } number ? Round(number, precision) : null;
}
