using Ganss.Xss;

namespace BaoCao.Workflow.Reports;

/// <summary>
/// The narrative is rich text written in the browser. Only formatting survives: paragraphs, emphasis, lists, headings
/// and simple tables — no scripts, styles, links, images or event attributes — so a report shown to its leader or to
/// the receiving unit can never run anything.
/// </summary>
internal static class Narrative
{
    public const int MaximumSectionLength = 200_000;

    private static readonly string[] Tags = ["p", "div", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "h3", "h4", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "sup", "sub"];

    public static string Sanitize(string? html)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["colspan", "rowspan"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedSchemes = new HashSet<string>(),
            UriAttributes = new HashSet<string>(),
        });
        sanitizer.KeepChildNodes = true;
        return sanitizer.Sanitize(html ?? "").Trim();
    }

    /// <summary>Whether a section says nothing: no text once the tags are gone.</summary>
    public static bool IsBlank(string html) => Blocks(html).All(b => b.Text.Length == 0);

    /// <summary>The section as blocks of text (paragraph, heading, list item, table row), for the .docx and .xlsx exports.</summary>
    public static IReadOnlyList<(string Kind, string Text)> Blocks(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var blocks = new List<(string, string)>();
        const string blockSelector = "p, div, h3, h4, li, blockquote, tr";
        // Leaf blocks only: a list item holding a paragraph is that paragraph, a div of paragraphs is its paragraphs.
        foreach (var element in document.Body!.QuerySelectorAll(blockSelector).Where(e => e.LocalName == "tr" || e.QuerySelector(blockSelector) is null))
        {
            var text = element.LocalName == "tr"
                ? string.Join(" | ", element.Children.Select(c => Squash(c.TextContent)))
                : Squash(element.TextContent);
            blocks.Add((element.ParentElement?.LocalName == "li" ? "li" : element.LocalName, text));
        }
        if (blocks.Count == 0 && Squash(document.Body.TextContent) is { Length: > 0 } loose)
            blocks.Add(("p", loose));
        return blocks;
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
