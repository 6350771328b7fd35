using Microsoft.Extensions.Caching.Memory;

namespace BaoCao.Dashboards.Widgets;

/// <summary>
/// Composed dashboards, shared by viewers who would see the same figures: keyed by the dashboard's version, the filters,
/// the viewer's scope, the projector's checkpoint and the state of the publications (all read from the database, so a
/// change made through any node makes a new key at once and nothing stale is served); entries also expire after a minute.
/// Dashboards used as landing pages by a whole province then cost one composition per change, not one per visit. Each miss
/// composes in its own request (its own scope and cancellation), so one visitor leaving never fails another.
/// </summary>
internal sealed class DashboardCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public async Task<T> GetOrComposeAsync<T>(string key, Func<Task<T>> compose, Func<T, bool> keep) where T : class
    {
        if (_cache.TryGetValue(key, out T? cached) && cached is not null)
            return cached;
        var value = await compose();
        if (keep(value))
            _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
