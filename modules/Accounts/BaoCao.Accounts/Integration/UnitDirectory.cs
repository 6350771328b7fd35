using BaoCao.Accounts.Contracts;

namespace BaoCao.Accounts.Integration;

/// <summary>
/// The whole unit tree, kept in memory: dashboards, roll-ups and reminders ask for it on every request, and it changes a
/// few times a year. A change saved on this node clears it at once (<see cref="Persistence.AccountsDbContext"/>); a change
/// saved on another node is seen within <see cref="Lifetime"/>.
/// </summary>
internal sealed class UnitDirectory(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // A reference, so readers on other threads see a whole entry or none (a struct of three fields could tear).
    private sealed record Entry(IReadOnlyList<UnitInfo> Units, DateTimeOffset LoadedAt, long Generation);

    private volatile Entry? _cached;
    private long _generation;

    public async Task<IReadOnlyList<UnitInfo>> GetAsync(Func<Task<List<UnitInfo>>> load)
    {
        if (_cached is { } cached && cached.Generation == Interlocked.Read(ref _generation) && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
            return cached.Units;
        var generation = Interlocked.Read(ref _generation);
        var units = await load();
        _cached = new Entry(units, clock.GetUtcNow(), generation);
        return units;
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);
}
