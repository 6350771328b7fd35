namespace BaoCao.Accounts.Domain;

internal enum UnitChangeKind
{
    Created,
    Renamed,
    ContactsChanged,
    Moved,
    Merged,
    MergeUndone,
}

/// <summary>One change of the unit tree, with before and after: renames, moves and mergers keep their history.</summary>
internal sealed class UnitChange
{
    private UnitChange() { }

    public long Id { get; private set; }
    public Guid UnitId { get; private set; }
    public UnitChangeKind Kind { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";

    public static UnitChange Of(Unit unit, UnitChangeKind kind, string? before, string? after, DateTimeOffset at, string by) =>
        new() { UnitId = unit.Id, Kind = kind, Before = before, After = after, At = at, By = by };
}
