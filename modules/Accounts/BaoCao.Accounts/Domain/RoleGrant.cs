namespace BaoCao.Accounts.Domain;

/// <summary>A role for a unit, optionally its sub-units too (Đ10): an administrator of the whole province is
/// an Administrator grant on the province's root unit with sub-units.</summary>
internal sealed class RoleGrant
{
    private RoleGrant() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Role { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public bool IncludeSubUnits { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public string GrantedBy { get; private set; } = "";

    public static RoleGrant Create(Guid accountId, string role, Guid unitId, bool includeSubUnits, DateTimeOffset at, string grantedBy) =>
        new() { Id = Guid.CreateVersion7(), AccountId = accountId, Role = role, UnitId = unitId, IncludeSubUnits = includeSubUnits, GrantedAt = at, GrantedBy = grantedBy };
}
