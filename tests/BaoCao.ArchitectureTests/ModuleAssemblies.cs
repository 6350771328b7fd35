using Assembly = System.Reflection.Assembly;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace BaoCao.ArchitectureTests;

/// <summary>The six modules as assemblies: rules are written against assemblies, not namespaces.</summary>
internal static class ModuleAssemblies
{
    public static readonly string[] Names = ["Accounts", "Indicators", "Forms", "Workflow", "Deadlines", "Dashboards"];

    public static Assembly Module(string name) => Assembly.Load($"BaoCao.{name}");

    public static Assembly Contracts(string name) => Assembly.Load($"BaoCao.{name}.Contracts");

    public static readonly Assembly Kernel = Assembly.Load("BaoCao.SharedKernel");

    public static readonly Assembly Host = Assembly.Load("BaoCao.Web");

    /// <summary>The pages' shared parts (a base page class among them: rules about pages must see it).</summary>
    public static readonly Assembly UI = Assembly.Load("BaoCao.UI");

    public static IEnumerable<Assembly> AllModules => Names.Select(Module);

    public static IEnumerable<Assembly> AllContracts => Names.Select(Contracts);

    public static readonly Architecture Loaded = new ArchLoader()
        .LoadAssemblies([.. AllModules, .. AllContracts, Kernel, Host, UI])
        .Build();

    public static TheoryData<string> ModuleNames => [.. Names];
}
