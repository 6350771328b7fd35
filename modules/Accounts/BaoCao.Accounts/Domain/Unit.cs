using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Accounts.Domain;

/// <summary>
/// An organisation in the province's tree (any depth). The tree is data: renames, moves and mergers
/// (since 1 July 2025 two levels of local government) keep history through valid-from/valid-to and a
/// successor. <see cref="Path"/> lists the ids from the root, so "this unit and its sub-units" is one
/// prefix match in SQL.
/// </summary>
internal sealed class Unit : IVersioned
{
    private Unit() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    /// <summary>The national administrative code, where the unit has one (communes, wards).</summary>
    public string? AdministrativeCode { get; private set; }
    public string? OfficialEmail { get; private set; }
    public string? LeaderEmail { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public Guid? SuccessorId { get; private set; }
    public long Version { get; set; }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public static Unit Create(string code, string name, UnitKind kind, Unit? parent, DateOnly validFrom,
        string? officialEmail = null, string? leaderEmail = null, string? administrativeCode = null)
    {
        var id = Guid.CreateVersion7();
        return new Unit
        {
            Id = id,
            Code = code.Trim(),
            Name = name.Trim(),
            Kind = kind,
            ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + id.ToString("N") + "/",
            ValidFrom = validFrom,
            OfficialEmail = officialEmail,
            LeaderEmail = leaderEmail,
            AdministrativeCode = administrativeCode,
        };
    }

    /// <summary>
    /// The unit stops existing after <paramref name="lastDay"/> and moves under <paramref name="successor"/>:
    /// its data reports under the successor, and whoever may see the successor sees its history.
    /// Returns the old path; the caller re-roots descendants' paths with it.
    /// </summary>
    public string MergeInto(Unit successor, DateOnly lastDay)
    {
        var oldPath = Path;
        ValidTo = lastDay;
        SuccessorId = successor.Id;
        ParentId = successor.Id;
        Path = successor.Path + Id.ToString("N") + "/";
        return oldPath;
    }

    /// <summary>Undoes <see cref="MergeInto"/>: valid again, under <paramref name="parent"/>. Returns the old path.</summary>
    public string UndoMerge(Unit parent)
    {
        ValidTo = null;
        SuccessorId = null;
        return MoveUnder(parent);
    }

    public void Rename(string name) => Name = name.Trim();

    public void UpdateContacts(string? officialEmail, string? leaderEmail, string? administrativeCode)
    {
        OfficialEmail = officialEmail?.Trim();
        LeaderEmail = leaderEmail?.Trim();
        AdministrativeCode = administrativeCode?.Trim();
    }

    /// <summary>Moves the unit under <paramref name="parent"/>; returns the old path for re-rooting descendants.</summary>
    public string MoveUnder(Unit parent)
    {
        var oldPath = Path;
        ParentId = parent.Id;
        Path = parent.Path + Id.ToString("N") + "/";
        return oldPath;
    }

    /// <summary>Keeps a descendant's path in step after an ancestor moved from <paramref name="oldPrefix"/>.</summary>
    public void Reroot(string oldPrefix, string newPrefix) => Path = newPrefix + Path[oldPrefix.Length..];

    public static string Label(UnitKind kind) => kind switch
    {
        UnitKind.ProvincePeoplesCommittee => "UBND tỉnh",
        UnitKind.ProvinceOffice => "Văn phòng UBND tỉnh",
        UnitKind.Department => "Sở, ban, ngành",
        UnitKind.CommunePeoplesCommittee => "UBND xã, phường",
        UnitKind.SubDepartment => "Phòng, ban trực thuộc",
        _ => "Cơ quan khác",
    };
}
