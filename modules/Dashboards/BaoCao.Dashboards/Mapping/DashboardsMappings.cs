using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Features;
using Mapster;

namespace BaoCao.Dashboards;

/// <summary>Entity → view mappings of this module (Mapster); every destination member has a source or is ignored on
/// purpose, checked by <c>MappingTests</c>.</summary>
internal static class DashboardsMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.NewConfig<Dashboard, ViewDashboard.DashboardSummary>()
            .Map(s => s.Widgets, d => d.Widgets.Count);
        return config;
    }
}
