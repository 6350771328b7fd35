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
    public void Contracts_depend_on_nothing_of_ours_but_the_shared_kernel(string module)
    {
        var ours = Types().That().ResideInAssembly(Host, [.. AllModules, .. AllContracts.Where(c => c != Contracts(module))]);
        Types().That().ResideInAssembly(Contracts(module))
            .Should().NotDependOnAny(ours)
            .Because("Contracts are the stable surface other modules compile against")
            .WithoutRequiringPositiveResults()
            .Check(Loaded);
    }
}
