namespace BaoCao.SharedKernel.Text;

/// <summary>Text from outside (another system's answer, a user's input) made fit for one log line or one table cell:
/// control characters (CR, LF, tabs, escapes) become spaces, and it is cut at <paramref name="maxLength"/>.</summary>
public static class OneLine
{
    public static string Of(string? text, int maxLength = 2000)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var clean = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return clean.Length <= maxLength ? clean : clean[..(maxLength - 1)] + "…";
    }
}
