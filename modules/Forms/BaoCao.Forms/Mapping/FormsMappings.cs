using BaoCao.Forms.Domain;
using BaoCao.Forms.Features;
using Mapster;

namespace BaoCao.Forms;

/// <summary>Entity → view mappings of this module (Mapster); every destination member has a source or is ignored on
/// purpose, checked by <c>MappingTests</c>.</summary>
internal static class FormsMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.NewConfig<FormVersion, BrowseForms.VersionInfo>();
        return config;
    }
}
