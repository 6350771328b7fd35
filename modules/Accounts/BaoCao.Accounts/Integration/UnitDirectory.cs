using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Accounts.Integration;

/// <summary>A unit as the directory keeps it: what other modules see, and the tree path access checks compare.</summary>
internal sealed record DirectoryUnit(Guid Id, string Path, UnitInfo Info);

/// <summary>
/// The whole unit tree, kept in memory: dashboards, roll-ups, reminders and every access check ask for it, and it
/// changes a few times a year. A unit saved on this node clears it at once; one saved on another node is seen within
/// <see cref="Lifetime"/>.
/// </summary>
internal sealed class UnitDirectory(TimeProvider clock) : NodeCache<bool, UnitDirectory.Tree>(clock, Lifetime, [typeof(Domain.Unit)])
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    internal sealed class Tree(List<DirectoryUnit> units)
    {
        public IReadOnlyList<UnitInfo> Infos { get; } = [.. units.Select(u => u.Info)];
        public IReadOnlyDictionary<string, DirectoryUnit> ByCode { get; } = units.ToDictionary(u => u.Info.Code, StringComparer.Ordinal);
        /// <summary>The province: the tree's current roots (a grant on one with its sub-units is province-wide).</summary>
        public IReadOnlySet<Guid> Roots { get; } = units.Where(u => u.Info.ParentCode is null && u.Info.ValidTo is null).Select(u => u.Id).ToHashSet();
    }

    public Task<Tree> GetAsync(Func<Task<List<DirectoryUnit>>> load) => GetAsync(true, async () => new Tree(await load()));
}
