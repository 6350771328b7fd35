using System.Globalization;
using System.Text;

namespace BaoCao.SharedKernel.Text;

/// <summary>Search keys for Vietnamese text: lower case, without diacritics, đ → d, single spaces, so that
/// "ha noi", "HÀ NỘI" and "Hà Nội" (NFC or NFD) all find each other with a plain LIKE in either database.</summary>
public static class VietnameseText
{
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) };
            if (char.IsWhiteSpace(lower))
            {
                if (!lastWasSpace && builder.Length > 0)
                    builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(lower);
            lastWasSpace = false;
        }
        return builder.ToString().TrimEnd();
    }
}
