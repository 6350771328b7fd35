using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Features;
using Mapster;

namespace BaoCao.Accounts;

/// <summary>Entity → view mappings of this module (Mapster); every destination member has a source or is ignored on
/// purpose, checked by <c>MappingTests</c>.</summary>
internal static class AccountsMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        // The requesting unit's code and name come from the unit; the clock decides whether it is overdue.
        config.NewConfig<AccountRequest, ListAccountRequests.Row>()
            .Map(r => r.KindLabel, a => AccountRequest.Label(a.Kind))
            .Ignore(r => r.UnitCode, r => r.UnitName, r => r.Overdue);
        return config;
    }
}
