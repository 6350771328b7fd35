using System.Diagnostics.CodeAnalysis;

namespace BaoCao.SharedKernel.Text;

/// <summary>Codes people and other systems type (units, forms, indicators, regimes, periods, disaggregations) are
/// compared in one form: trimmed and upper-case (invariant culture, so "i" never becomes "İ").</summary>
public static class Codes
{
    /// <summary>The code as stored and compared; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(code))]
    public static string? Normalize(string? code) => code?.Trim().ToUpperInvariant();
}
