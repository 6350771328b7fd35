namespace BaoCao.Indicators.Domain.Formulas;

/// <summary>Input keys as callers write them: "grdp@LastYear" and "GRDP@lastyear" are the same input.</summary>
internal static class FormulaKeys
{
    public static string Normalize(string key)
    {
        var parts = key.Trim().Split('@', 2);
        return parts.Length == 1 ? parts[0].ToUpperInvariant() : $"{parts[0].ToUpperInvariant()}@{parts[1].ToLowerInvariant()}";
    }

    /// <summary>The values keyed as the formula reads them; of two spellings of one key, the later wins.</summary>
    public static Dictionary<string, decimal?> Normalize(IReadOnlyDictionary<string, decimal?>? values)
    {
        var normalized = new Dictionary<string, decimal?>(values?.Count ?? 0);
        foreach (var (key, value) in values ?? new Dictionary<string, decimal?>())
            normalized[Normalize(key)] = value;
        return normalized;
    }
}
