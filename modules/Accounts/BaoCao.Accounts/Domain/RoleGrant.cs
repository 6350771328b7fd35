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
    /// <summary>For DataEntry: the forms the person may enter, comma-separated; empty means every form of the unit.</summary>
    public string Forms { get; private set; } = "";

    public bool CoversForm(string? formCode) =>
        formCode is null || Forms.Length == 0 || Forms.Split(',').Contains(formCode, StringComparer.OrdinalIgnoreCase);

    public static RoleGrant Create(Guid accountId, string role, Guid unitId, bool includeSubUnits, DateTimeOffset at, string grantedBy, IEnumerable<string>? forms = null) =>
        new()
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, Role = role, UnitId = unitId, IncludeSubUnits = includeSubUnits, GrantedAt = at, GrantedBy = grantedBy,
            Forms = string.Join(',', (forms ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)),
        };
}
