namespace BaoCao.SharedKernel.Text;

/// <summary>
/// Formula injection: a text cell that starts with = + - @ (or a tab or carriage return) is run as a formula by Excel and
/// LibreOffice when a CSV is opened, and reaches citizens through published data. Exports prefix such text with an
/// apostrophe (OWASP's advice); names entered by people may not start with one at all.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static bool StartsLikeFormula(string? text) => !string.IsNullOrEmpty(text) && FormulaStarts.Contains(text[0]);

    /// <summary>The text as a spreadsheet shows it literally.</summary>
    public static string Neutralise(string text) => StartsLikeFormula(text) ? "'" + text : text;

    /// <summary>The Vietnamese refusal for a name that starts like a formula.</summary>
    public const string FormulaStartMessage = "Tên không được bắt đầu bằng các ký tự = + - @ (bảng tính sẽ hiểu là công thức).";
}
