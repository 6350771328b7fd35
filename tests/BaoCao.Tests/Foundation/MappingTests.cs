using System.Reflection;
using Mapster;

namespace BaoCao.Tests.Foundation;

/// <summary>
/// Each module's Mapster configuration compiles: every destination member of every view has a source or is ignored on
/// purpose (<c>RequireDestinationMemberSource</c>), so a member added to a view without a mapping fails here, not as an
/// empty field in front of a user.
/// </summary>
public sealed class MappingTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(BaoCao.Accounts.AccountsModule).Assembly, typeof(BaoCao.Indicators.IndicatorsModule).Assembly,
        typeof(BaoCao.Forms.FormsModule).Assembly, typeof(BaoCao.Workflow.WorkflowModule).Assembly,
        typeof(BaoCao.Deadlines.DeadlinesModule).Assembly, typeof(BaoCao.Dashboards.DashboardsModule).Assembly,
    ];

    public static TheoryData<string> ModuleNames => [.. Modules.Select(m => m.GetName().Name!)];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Every_mapping_of_the_module_compiles(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);
        var holder = assembly.GetTypes().SingleOrDefault(t => t.Name == module.Split('.')[^1] + "Mappings");
        Assert.True(holder is not null, $"{module} has no {module.Split('.')[^1]}Mappings class with its Mapster configuration.");
        var config = (TypeAdapterConfig)holder.GetProperty("Config", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.True(config.RequireDestinationMemberSource, "A module's configuration must require a source for every destination member.");
        Assert.NotEmpty(config.RuleMap);
        config.Compile(); // throws naming the member without a source
    }

    [Fact]
    public void A_view_member_without_a_source_is_caught_by_the_compile()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.NewConfig<Source, Destination>();
        var refused = Assert.ThrowsAny<Exception>(() => config.Compile());
        Assert.Contains(nameof(Destination.Extra), refused.ToString());
    }

    private sealed record Source(string Name);

    private sealed record Destination(string Name, string Extra);
}
