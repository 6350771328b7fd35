using System.Collections.Concurrent;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>A cache of rows that change rarely, cleared when entities of its <see cref="Sources"/> are saved.</summary>
public interface INodeCache
{
    /// <summary>Entity types whose saved changes make the cache stale.</summary>
    IReadOnlyCollection<Type> Sources { get; }

    void Invalidate();
}

/// <summary>
/// Rarely changed rows kept in memory on this node, by key: a change saved through a <see cref="ModuleDbContext"/> on
/// this node clears the cache at once (register the cache as <see cref="INodeCache"/>); a change saved on another node is
/// seen within the lifetime. A load that started before a clear is not kept, so a stale answer never outlives the clear.
/// </summary>
public class NodeCache<TKey, TValue>(TimeProvider clock, TimeSpan lifetime, IReadOnlyCollection<Type> sources, int capacity = 10_000) : INodeCache
    where TKey : notnull
{
    // A reference per entry, so readers on other threads see a whole entry or none.
    private sealed record Entry(TValue Value, DateTimeOffset LoadedAt, long Generation);

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;

    public IReadOnlyCollection<Type> Sources => sources;

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> load)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out var cached) && cached.Generation == generation && clock.GetUtcNow() - cached.LoadedAt < lifetime)
            return cached.Value;
        var value = await load();
        if (_entries.Count >= capacity)
            _entries.Clear(); // many callers (one entry per account): start over rather than grow without bound
        _entries[key] = new Entry(value, clock.GetUtcNow(), generation);
        return value;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
