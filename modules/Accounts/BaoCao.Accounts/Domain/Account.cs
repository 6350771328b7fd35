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
    public string DisplayName
    {
        get => _displayName;
        set
        {
            _displayName = value;
            SearchText = SharedKernel.Text.VietnameseText.SearchKey($"{UserName} {value}");
        }
    }

    private string _displayName = "";

    /// <summary>User name and display name without diacritics, for search ("ha noi" finds "Hà Nội").</summary>
    public string SearchText { get; private set; } = "";
    /// <summary>The unit the person works in (their grants say where they may act).</summary>
    public Guid UnitId { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    /// <summary>Demo accounts are exempt from the two-factor requirement (they share a printed password anyway).</summary>
    public bool IsDemo { get; set; }

    /// <summary>The authenticator key (Base32), set at enrolment; confirmed when <see cref="IdentityUser{TKey}.TwoFactorEnabled"/>.</summary>
    public string? AuthenticatorKey { get; set; }
    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long LastTotpStep { get; set; }
    /// <summary>SHA-256 hashes of the unused one-time recovery codes, separated by ';'.</summary>
    public string? RecoveryCodeHashes { get; set; }

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
