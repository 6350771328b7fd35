using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Features;
using Mapster;

namespace BaoCao.Deadlines;

/// <summary>Entity → view mappings of this module (Mapster); every destination member has a source or is ignored on
/// purpose, checked by <c>MappingTests</c>.</summary>
internal static class DeadlinesMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        // The placeholders are the ladder's, not the template's: the same list for every template.
        config.NewConfig<ReminderTemplate, ManageReminders.TemplateView>()
            .Map(v => v.Placeholders, _ => ManageReminders.Placeholders);
        return config;
    }
}
