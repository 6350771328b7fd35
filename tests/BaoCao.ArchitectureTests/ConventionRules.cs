using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.xUnit;
using BaoCao.SharedKernel.Modules;
using Carter;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static BaoCao.ArchitectureTests.ModuleAssemblies;

namespace BaoCao.ArchitectureTests;

/// <summary>What a module shows the world, and where the mediator is generated.</summary>
public sealed class ConventionRules
{
    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Module_types_are_internal_except_the_entry_point_endpoints_and_pages(string module)
    {
        // Razor pages must be public: the Blazor router only finds routable components among exported types.
        Types().That().ResideInAssembly(Module(module)).And().ArePublic()
            .And().AreNotAssignableTo(typeof(IModule))
            .And().AreNotAssignableTo(typeof(ICarterModule))
            .And().AreNotAssignableTo(typeof(ComponentBase))
            .And().DoNotHaveName("_Imports")
            .Should().NotExist()
            .Because("a module's internals are its own; others use its Contracts")
            .Check(Loaded);
    }

    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Module_classes_are_sealed_unless_they_are_a_base(string module)
    {
        var concrete = Classes().That().ResideInAssembly(Module(module)).And().AreNotAbstract()
            .And().AreNotAssignableTo(typeof(ComponentBase)).And().DoNotHaveName("_Imports")
            .And().AreNotAssignableTo(typeof(Migration)).And().AreNotAssignableTo(typeof(ModelSnapshot)) // generated
            .And().AreNotSealed()
            .GetObjects(Loaded)
            .Where(c => !Loaded.Classes.Any(other => other != c && other.InheritedClasses.Contains(c)))
            .Where(c => !c.IsCompilerGenerated)
            .Select(c => c.FullName)
            .ToList();
        Assert.True(concrete.Count == 0, "Seal these classes (nothing derives from them): " + string.Join(", ", concrete));
    }

    /// <summary>Records, and the module's catalogue of stable error codes: a static class of string constants only.</summary>
    [Theory, MemberData(nameof(ModuleNames), MemberType = typeof(ModuleAssemblies))]
    public void Contracts_hold_only_public_sealed_records_enums_and_pure_functions(string module)
    {
        // Records cross the boundary; enums name states and kinds; a static class holds pure functions on them (no state).
        var offenders = Contracts(module).GetTypes()
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Where(t => t.DeclaringType is null || !t.DeclaringType.IsAbstract)
            .Where(t => !(t.IsPublic && t.IsSealed && t.GetMethod("<Clone>$") is not null))
            .Where(t => !(t.IsPublic && t.IsEnum))
            .Where(t => !(t.IsPublic && t.IsAbstract && t.IsSealed
                && t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                    .All(f => f.IsLiteral || f.IsInitOnly)))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(offenders.Count == 0,
            "Contracts may only contain public sealed records, enums and static classes of pure functions: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Only_the_host_runs_the_mediator_source_generator()
    {
        // The generator emits the concrete Mediator.Mediator class into the project that references it.
        Types().That().ResideInAssembly(Kernel, [.. AllModules, .. AllContracts])
            .Should().NotHaveFullName("Mediator.Mediator")
            .Check(Loaded);
        Assert.Contains(Loaded.Types, t => t.FullName == "Mediator.Mediator" && t.Assembly.Name.StartsWith("BaoCao.Web", StringComparison.Ordinal));
    }
}
