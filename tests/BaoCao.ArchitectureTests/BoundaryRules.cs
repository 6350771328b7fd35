using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static BaoCao.ArchitectureTests.ModuleAssemblies;

namespace BaoCao.ArchitectureTests;

/// <summary>Modules talk through the mediator and each other's Contracts only.</summary>
public sealed class BoundaryRules
{
    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void A_module_never_depends_on_another_module(string module)
    {
        foreach (var other in Names.Where(n => n != module))
        {
            Types().That().ResideInAssembly(Module(module))
                .Should().NotDependOnAny(Types().That().ResideInAssembly(Module(other)))
                .Because($"{module} may use {other} only through BaoCao.{other}.Contracts")
                .WithoutRequiringPositiveResults()
                .Check(Loaded);
        }
    }

    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Contracts_depend_on_nothing_of_ours_but_the_abstractions(string module)
    {
        // Not the kernel: a module compiling against another's Contracts gets the mediator abstractions and
        // BaoCao.Abstractions, nothing heavier (no EF Core, mail or Office library).
        var ours = Types().That().ResideInAssembly(Host, [Kernel, ModuleAssemblies.UI, .. AllModules, .. AllContracts.Where(c => c != Contracts(module))]);
        Types().That().ResideInAssembly(Contracts(module))
            .Should().NotDependOnAny(ours)
            .Because("Contracts are the stable surface other modules compile against")
            .WithoutRequiringPositiveResults()
            .Check(Loaded);
    }

    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Contracts_reference_only_the_mediator_and_our_abstractions(string module)
    {
        var references = Contracts(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && !n.StartsWith("Microsoft.", StringComparison.Ordinal))
            .ToList();
        Assert.True(references.All(n => n is "Mediator" or "BaoCao.Abstractions" || n.StartsWith("BaoCao.", StringComparison.Ordinal) && n.EndsWith(".Contracts", StringComparison.Ordinal)),
            $"BaoCao.{module}.Contracts references {string.Join(", ", references)}: Contracts see the mediator abstractions (assembly Mediator), BaoCao.Abstractions and other Contracts only.");
    }
}
