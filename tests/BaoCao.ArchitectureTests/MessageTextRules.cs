using System.Text.RegularExpressions;

namespace BaoCao.ArchitectureTests;

/// <summary>Messages are Vietnamese sentences for people and may be reworded any day; code branches on stable codes
/// (<c>ErrorCodes</c>, a module's <c>…ErrorCodes</c> in its Contracts), never on the text.</summary>
public sealed partial class MessageTextRules
{
    // m.Message.Contains("…"), e.Message == "…", Message.StartsWith(…), string.Equals(x.Message, …), Message?.Contains(…)
    [GeneratedRegex(@"\bMessage\b[?!]?\s*(\.\s*(Contains|StartsWith|EndsWith|Equals|IndexOf)\s*\(|==|!=)|Equals\([^,()]*\bMessage\b\s*,")]
    private static partial Regex MatchesOnMessage();

    [Fact]
    public void Pages_and_handlers_do_not_branch_on_message_text()
    {
        var modules = Path.Combine(RepositoryRoot(), "modules");
        var offending = Directory.EnumerateFiles(modules, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, Line: line)))
            .Where(l => MatchesOnMessage().IsMatch(l.Line))
            .Select(l => $"{Path.GetRelativePath(modules, l.File)}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "Branch on a result's Code (Result.Has, ResultError.Code), not on its message:\n" + string.Join("\n", offending));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BaoCao.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("BaoCao.sln not found above the test assembly.");
    }
}
