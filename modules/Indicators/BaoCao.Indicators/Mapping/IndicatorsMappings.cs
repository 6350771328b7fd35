using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Features;
using Mapster;

namespace BaoCao.Indicators;

/// <summary>Entity → view mappings of this module (Mapster); every destination member has a source or is ignored on
/// purpose, checked by <c>MappingTests</c>.</summary>
internal static class IndicatorsMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        // A version shows the definition it carried; what changed against the version before is the handler's to compute.
        config.NewConfig<IndicatorVersion, BrowseIndicators.VersionView>()
            .Map(v => v.Name, i => i.Definition.Name)
            .Map(v => v.UnitOfMeasure, i => i.Definition.UnitOfMeasure)
            .Map(v => v.Formula, i => i.Definition.Formula)
            .Ignore(v => v.Changes);
        return config;
    }
}
