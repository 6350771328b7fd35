using System.Reflection;
using System.Text.RegularExpressions;
using static BaoCao.ArchitectureTests.ModuleAssemblies;

namespace BaoCao.ArchitectureTests;

/// <summary>
/// Pages are the thinnest layer: they send messages through the host's page sender (a scope of its own per call) and
/// show what comes back with the shared parts of BaoCao.UI.
/// </summary>
public sealed partial class PageRules
{
    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Pages_inject_no_DbContext_and_no_service_of_a_module(string module)
    {
        // A context or a module service injected into a page lives as long as the circuit: shared by every call the
        // page makes, concurrently, under whoever was signed in when the page opened.
        var moduleAssemblies = AllModules.ToHashSet();
        var offenders = Module(module).GetTypes()
            .Where(IsComponent)
            .SelectMany(page => page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttributes().Any(a => a.GetType().Name == "InjectAttribute"))
                .Where(p => IsDbContext(p.PropertyType) || moduleAssemblies.Contains(p.PropertyType.Assembly))
                .Select(p => $"{page.Name}.{p.Name} ({p.PropertyType.Name})"))
            .ToList();
        Assert.True(offenders.Count == 0, "Pages send messages (ISender) instead of injecting these: " + string.Join(", ", offenders));
    }

    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Pages_format_no_time_zone_and_no_period_by_hand(string module)
    {
        var folder = Path.Combine(RepositoryRoot(), "modules", module);
        var offenders = Directory.EnumerateFiles(folder, "*.razor*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".razor.cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => HandMadeTime().IsMatch(l.Text) || HandMadePeriod().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(folder, l.File)}:{l.Line}")
            .ToList();
        Assert.True(offenders.Count == 0,
            "Show times with <LocalTime>/<LocalDate> (or VietnamTime.Format in code) and periods with <PeriodLabel> (or PeriodNames): "
            + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"ToOffset\(|TimeZoneInfo\.|FromHours\(7\)|GetLocalNow\(")]
    private static partial Regex HandMadeTime();

    /// <summary>"tháng {month}/{year}", "quý {q}/{year}", "T{code[4..]}/…": a period named by hand.</summary>
    [GeneratedRegex(@"(?i)(tháng|quý) \{[^}]+\}/\{|""T\{[^}]+\}/\{")]
    private static partial Regex HandMadePeriod();

    private static bool IsComponent(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.FullName == "Microsoft.AspNetCore.Components.ComponentBase")
                return true;
        return false;
    }

    private static bool IsDbContext(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.FullName == "Microsoft.EntityFrameworkCore.DbContext")
                return true;
        return false;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BaoCao.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("BaoCao.sln not found above " + AppContext.BaseDirectory);
    }
}
