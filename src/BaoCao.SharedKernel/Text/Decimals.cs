namespace BaoCao.SharedKernel.Text;

public static class Decimals
{
    /// <summary>The number without trailing zeros of its scale: 1000.00000000 → 1000 (equal value, shorter text).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Normalize(decimal? value) => value is { } number ? Normalize(number) : null;
}
