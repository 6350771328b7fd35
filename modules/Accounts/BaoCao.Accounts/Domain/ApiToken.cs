using System.Security.Cryptography;

namespace BaoCao.Accounts.Domain;

/// <summary>
/// A credential for another system (a sectoral system, the Government's system): scoped to a unit and its
/// sub-units and to chosen permissions, expiring, revocable. The secret is shown once; only its SHA-256 is kept.
/// </summary>
internal sealed class ApiToken
{
    public const string SecretPrefix = "bc_";

    private ApiToken() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The first characters of the secret, to recognise a token in lists and logs.</summary>
    public string Prefix { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public string Permissions { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public IReadOnlyList<string> PermissionList => Permissions.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsValid(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public static (ApiToken Token, string Secret) Issue(string name, Guid unitId, IEnumerable<string> permissions, DateTimeOffset expiresAt, string createdBy, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Prefix = secret[..10],
            SecretHash = SetPasswordLink.Hash(secret),
            UnitId = unitId,
            Permissions = string.Join(',', permissions.Distinct().Order()),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
        }, secret);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
