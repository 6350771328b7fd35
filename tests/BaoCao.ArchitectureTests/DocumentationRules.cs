using System.Text.RegularExpressions;
using Mediator;
using static BaoCao.ArchitectureTests.ModuleAssemblies;

namespace BaoCao.ArchitectureTests;

/// <summary>What the docs say a module offers is what its Contracts hold, so the lists cannot drift.</summary>
public sealed partial class DocumentationRules
{
    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Module_readme_lists_exactly_the_messages_of_its_contracts(string module)
    {
        var path = Path.Combine(RepositoryRoot(), "modules", module, "README.md");
        Assert.True(File.Exists(path), $"modules/{module}/README.md is missing: it lists the messages of BaoCao.{module}.Contracts");
        var listed = ListedContracts(File.ReadAllLines(path));
        Assert.True(listed is not null, $"modules/{module}/README.md has no \"## Contracts\" section");

        var messages = Messages(module);
        var add = messages.Except(listed!).Order(StringComparer.Ordinal).ToList();
        var remove = listed!.Except(messages).Order(StringComparer.Ordinal).ToList();
        Assert.True(add.Count == 0 && remove.Count == 0,
            $"modules/{module}/README.md, section Contracts (one \"- `Name` …\" line per message): " +
            (add.Count > 0 ? $"add {string.Join(", ", add)} (in BaoCao.{module}.Contracts)" : "") +
            (add.Count > 0 && remove.Count > 0 ? "; " : "") +
            (remove.Count > 0 ? $"remove {string.Join(", ", remove)} (no such request or notification in BaoCao.{module}.Contracts)" : ""));
    }

    [Fact]
    public void The_contracts_section_reader_takes_the_first_name_of_each_item_and_stops_at_the_next_section()
    {
        string[] text =
        [
            "# M", "- `NotThis` before the section", "## Contracts", "Intro naming `NotThisEither`.",
            "- `GetThing` — returns a `ThingInfo`", "  - `Nested` (continuation)", "* `ThingHappened` (notification)",
            "## Jobs", "- `NorThis`",
        ];
        Assert.Equal(["GetThing", "Nested", "ThingHappened"], ListedContracts(text)!.Order(StringComparer.Ordinal));
        Assert.Null(ListedContracts(["# M", "## Pages"]));
    }

    /// <summary>The public requests, commands, queries and notifications of a module's Contracts (its DTOs are not messages).</summary>
    private static HashSet<string> Messages(string module) =>
        Contracts(module).GetExportedTypes()
            .Where(t => typeof(IMessage).IsAssignableFrom(t) || typeof(IStreamMessage).IsAssignableFrom(t) || typeof(INotification).IsAssignableFrom(t))
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The first `Name` of every list item under "## Contracts", up to the next heading of that level or higher;
    /// null when there is no such section.</summary>
    internal static HashSet<string>? ListedContracts(IEnumerable<string> lines)
    {
        HashSet<string>? listed = null;
        foreach (var line in lines)
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                if (listed is not null)
                    break;
                if (heading.Groups["title"].Value.Trim().Equals("Contracts", StringComparison.OrdinalIgnoreCase))
                    listed = new HashSet<string>(StringComparer.Ordinal);
                continue;
            }
            if (listed is not null && Item().Match(line) is { Success: true } item)
                listed.Add(item.Groups["name"].Value);
        }
        return listed;
    }

    /// <summary>The folder holding BaoCao.sln, found by walking up from the test's base directory.</summary>
    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BaoCao.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No BaoCao.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^#{1,2}\s+(?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*]\s+`(?<name>[A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex Item();
}
