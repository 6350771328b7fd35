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

    /// <summary>Whether a section says nothing a reader would see: no text once the tags and white space are gone.</summary>
    public static bool IsBlank(string html) => Blocks(html).Count == 0;

    private static readonly HashSet<string> Containers = new(["ul", "ol", "table", "thead", "tbody", "tfoot"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> TextBlocks = new(["p", "div", "h3", "h4", "li", "blockquote"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The section as blocks of text (paragraph, heading, list item, quote, table row) in reading order, for the .docx and
    /// .xlsx exports. Every piece of text the page shows lands in one block: loose text before, between or after blocks
    /// (what the browser's editor writes for a first line or after Enter) is a paragraph of its own, a line break
    /// starts a new block, and a block holding blocks yields its own loose text as well as theirs.
    /// </summary>
    public static IReadOnlyList<(string Kind, string Text)> Blocks(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var blocks = new List<(string, string)>();
        Walk(document.Body!, "p", blocks);
        return blocks;
    }

    private static void Walk(AngleSharp.Dom.INode container, string kind, List<(string Kind, string Text)> blocks)
    {
        var loose = new System.Text.StringBuilder();
        void Flush()
        {
            if (Squash(loose.ToString()) is { Length: > 0 } text)
                blocks.Add((kind, text));
            loose.Clear();
        }
        foreach (var node in container.ChildNodes)
        {
            if (node is not AngleSharp.Dom.IElement element)
            {
                if (node.NodeType == AngleSharp.Dom.NodeType.Text)
                    loose.Append(node.TextContent);
                continue;
            }
            var name = element.LocalName;
            if (name == "br")
            {
                Flush();
            }
            else if (name == "tr")
            {
                Flush();
                var cells = element.Children.Select(c => Squash(c.TextContent)).ToList();
                if (cells.Any(c => c.Length > 0))
                    blocks.Add(("tr", string.Join(" | ", cells)));
            }
            else if (Containers.Contains(name))
            {
                Flush();
                Walk(element, kind, blocks);
            }
            else if (TextBlocks.Contains(name))
            {
                Flush();
                // A paragraph inside a list item is still that item; a div is a paragraph.
                Walk(element, name == "div" ? (kind == "li" ? "li" : "p") : kind == "li" && name == "p" ? "li" : name, blocks);
            }
            else if (element.QuerySelector("p, div, h3, h4, li, blockquote, tr, br, ul, ol, table") is not null)
            {
                // An inline element wrapping blocks (pasted text does this): its blocks still count.
                Flush();
                Walk(element, kind, blocks);
            }
            else
            {
                loose.Append(element.TextContent);
            }
        }
        Flush();
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
