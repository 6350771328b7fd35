using System.Globalization;
using System.Text.RegularExpressions;

namespace BaoCao.SharedKernel.Text;

/// <summary>
/// The one rule for numbers typed by people (forms, Excel cells given as text): the comma is the decimal mark and the
/// dot only groups thousands, always by three — "1.234.567,89", "1234567,89", "-12,5". "1.5" is refused rather than
/// guessed (it could mean 1,5 or 15), with a message that says how to write it.
/// </summary>
public static partial class VietnameseNumber
{
    public const string Rule = "Dấu phẩy (,) là dấu thập phân; dấu chấm (.) chỉ dùng ngăn cách hàng nghìn, theo nhóm 3 chữ số. Ví dụ: 1.234.567,89";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out decimal value, out string? error)
    {
        value = 0;
        error = null;
        var trimmed = (text ?? "").Trim().Replace('\u2212', '-').Replace("\u00a0", "").Replace(" ", "");
        if (trimmed.Length == 0)
        {
            error = "Chưa nhập số.";
            return false;
        }
        if (trimmed.Length > 40 || !Pattern().IsMatch(trimmed))
        {
            error = trimmed.Contains('.') && !trimmed.Contains(',') && Regex.IsMatch(trimmed, @"\.\d{1,2}$|\.\d{4,}$")
                ? $"'{text}' không rõ nghĩa: dùng dấu phẩy cho phần thập phân (ví dụ {trimmed.Replace('.', ',')}). {Rule}"
                : $"'{text}' không phải số hợp lệ. {Rule}";
            return false;
        }
        if (!decimal.TryParse(trimmed.Replace(".", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Vietnamese, out value))
        {
            error = $"'{text}' vượt quá giới hạn số.";
            return false;
        }
        return true;
    }

    public static string Format(decimal value, int decimals) =>
        value.ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals), Vietnamese);
}
