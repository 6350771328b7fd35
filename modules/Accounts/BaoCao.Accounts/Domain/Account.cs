using Microsoft.AspNetCore.Identity;

namespace BaoCao.Accounts.Domain;

internal enum AccountStatus
{
    Active,
    Suspended,
    Terminated,
}

/// <summary>A person's account (ASP.NET Core Identity user): one person, one account (no sharing, Đ5.3).</summary>
internal sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// <summary>The unit the person works in (their grants say where they may act).</summary>
    public Guid UnitId { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
