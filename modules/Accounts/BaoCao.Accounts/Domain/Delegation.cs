namespace BaoCao.Accounts.Domain;

/// <summary>A leader lets a data-entry officer approve chosen forms of the unit until a date (Đ10.2b "nếu được ủy quyền").</summary>
internal sealed class Delegation
{
    private Delegation() { }

    public Guid Id { get; private set; }
    public Guid FromAccountId { get; private set; }
    public Guid ToAccountId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>Comma-separated form codes.</summary>
    public string Forms { get; private set; } = "";
    public DateOnly Until { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActiveOn(DateOnly day) => RevokedAt is null && day <= Until;

    public bool CoversForm(string? formCode) => formCode is not null && Forms.Split(',').Contains(formCode, StringComparer.OrdinalIgnoreCase);

    public static Delegation Create(Guid from, Guid to, Guid unitId, IEnumerable<string> forms, DateOnly until, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), FromAccountId = from, ToAccountId = to, UnitId = unitId,
        Forms = string.Join(',', forms.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)),
        Until = until, CreatedAt = now,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
