using System.Security.Cryptography;
using System.Text;

namespace BaoCao.Accounts.Domain;

/// <summary>
/// A one-time link to set a password (new account, or a lost password re-issued by the province office).
/// Only the token's SHA-256 is stored; the link works once and expires.
/// </summary>
internal sealed class SetPasswordLink : BaoCao.SharedKernel.Persistence.IVersioned
{
    private SetPasswordLink() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    /// <summary>Two uses racing: the second save fails on the version, so a link really works once.</summary>
    public long Version { get; set; }

    public static (SetPasswordLink Link, string Token) Issue(Guid accountId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (new SetPasswordLink { Id = Guid.CreateVersion7(), AccountId = accountId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + lifetime }, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now) => UsedAt = now;
}
