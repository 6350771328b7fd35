namespace BaoCao.Accounts.Domain;

internal enum SecurityEvent
{
    SignInSucceeded,
    SignInFailed,
    SignInWhileLocked,
    LockedOut,
    TwoFactorRequired,
    TwoFactorEnabled,
    TokenIssued,
    TokenRevoked,
    TokenUsed,
    SignedOut,
    AccountChanged,
    GrantChanged,
    PasswordSet,
    PasswordChanged,
    PasswordExpired,
    DisabledForInactivity,
    PasswordLinkIssued,
    SigningKeyRotated,
    PartnerChanged,
    PacketRefused,
    /// <summary>An attempt refused unread: the address failed too often for the account and must wait.</summary>
    SignInThrottled,
}

/// <summary>One line of the security log: who, what, when, from where. Never a password.</summary>
internal sealed class SecurityLogEntry
{
    private SecurityLogEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public SecurityEvent Event { get; private set; }
    public string UserName { get; private set; } = "";
    public string? RemoteAddress { get; private set; }
    /// <summary>Who acted on the account and what, when it was not the account's owner.</summary>
    public string? Detail { get; private set; }

    public static SecurityLogEntry Record(SecurityEvent @event, string userName, string? remoteAddress, DateTimeOffset at, string? detail = null) =>
        new()
        {
            Detail = detail is null ? null : Printable(detail, 500),
            Event = @event,
            // User names typed at the sign-in form are untrusted: keep the log bounded and printable.
            UserName = Printable(userName, 256),
            RemoteAddress = remoteAddress is null ? null : Printable(remoteAddress, 64),
            At = at,
        };

    private static string Printable(string value, int maxLength)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(maxLength).ToArray());
        return clean;
    }
}
