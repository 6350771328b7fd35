using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Dashboards.Projection;

/// <summary>
/// Rolls an indicator's own values up the unit tree for one period. A unit's figure is its own approved value when it
/// has one (a unit's own report is its consolidated figure), else the combination of its sub-units' figures under the
/// indicator's rule across units; units merged into it that still existed during the period are combined in as well,
/// so a successor's series continues its predecessors'. Sub-units closed before the period began do not count.
/// </summary>
internal sealed class UnitTree
{
    private readonly Dictionary<string, List<UnitInfo>> _children;

    public UnitTree(IReadOnlyList<UnitInfo> units)
    {
        Units = units.ToDictionary(u => u.Code);
        _children = units.Where(u => u.ParentCode is not null).GroupBy(u => u.ParentCode!)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
    }

    public IReadOnlyDictionary<string, UnitInfo> Units { get; }

    /// <summary>The units that have sub-units: the only ones with a rolled figure of their own.</summary>
    public IEnumerable<string> Parents => _children.Keys;

    public string? Root => Units.Values.FirstOrDefault(u => u.ParentCode is null)?.Code;

    /// <summary>The unit and every unit under it, merged ones included.</summary>
    public IEnumerable<string> Subtree(string code)
    {
        yield return code;
        foreach (var child in _children.GetValueOrDefault(code) ?? [])
            foreach (var below in Subtree(child.Code))
                yield return below;
    }

    /// <summary>The units directly under <paramref name="code"/> not yet closed when the days began, merged ones included.
    /// A unit's start date is not checked: a unit has no approved figures for periods before it existed, and the demo's
    /// (and a migrated province's) history is entered under today's units.</summary>
    public IEnumerable<UnitInfo> ChildrenOf(string code, DateOnly start) =>
        (_children.GetValueOrDefault(code) ?? []).Where(u => u.ValidTo is null || u.ValidTo >= start);

    /// <summary>The rolled figure of every unit with sub-units (absent when nothing rolls up).</summary>
    /// <param name="weights">The weight indicator's figures by unit (own or rolled), for a weighted average.</param>
    public Dictionary<string, decimal> RollUp(IndicatorInfo indicator, IReadOnlyDictionary<string, decimal> own,
        IReadOnlyDictionary<string, decimal>? weights, DateOnly start)
    {
        var memo = new Dictionary<string, decimal?>();
        decimal? Weight(string unit) => weights is not null && weights.TryGetValue(unit, out var w) ? w : null;
        decimal? Figure(string unit)
        {
            if (!_children.ContainsKey(unit))
                return own.TryGetValue(unit, out var leaf) ? leaf : null;
            if (memo.TryGetValue(unit, out var known))
                return known;
            var children = ChildrenOf(unit, start).ToList();
            var merged = children.Where(c => c.SuccessorCode == unit).Select(c => (Figure(c.Code), Weight(c.Code))).Where(m => m.Item1 is not null).ToList();
            decimal? result;
            if (own.TryGetValue(unit, out var ownValue))
                result = merged.Count == 0 ? ownValue : indicator.CombineAcrossUnits([(ownValue, Weight(unit)), .. merged]);
            else
                result = indicator.CombineAcrossUnits([.. children.Where(c => c.SuccessorCode != unit).Select(c => (Figure(c.Code), Weight(c.Code))), .. merged]);
            return memo[unit] = result;
        }

        var rolled = new Dictionary<string, decimal>();
        foreach (var parent in _children.Keys)
            if (Figure(parent) is { } value)
                rolled[parent] = value;
        return rolled;
    }
}
