using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Indicators.Integration;

/// <summary>
/// The indicator catalogue in memory for other modules' lookups: every dashboard query, roll-up and form asks for
/// indicators, and the catalogue changes a few times a year. A change saved on this node clears it at once; one saved on
/// another node is seen within <see cref="Lifetime"/>. The cached entities are read, never changed.
/// </summary>
internal sealed class CatalogueCache(TimeProvider clock)
    : NodeCache<bool, CatalogueCache.Entries>(clock, Lifetime, [typeof(Indicator), typeof(IndicatorVersion), typeof(Category), typeof(CategoryOption)])
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    internal sealed record Entries(IReadOnlyDictionary<string, Indicator> Indicators, IReadOnlyDictionary<string, Category> Categories);

    public Task<Entries> GetAsync(IndicatorsDbContext db, CancellationToken cancellationToken) =>
        GetAsync(true, async () => new Entries(
            await db.Indicators.AsNoTracking().AsSplitQuery().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken)));
}
