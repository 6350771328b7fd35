namespace BaoCao.Accounts.Domain;

internal enum SecurityEvent
{
    SignInSucceeded,
    SignInFailed,
    SignInWhileLocked,
    LockedOut,
    TwoFactorRequired,
    SignedOut,
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

    public static SecurityLogEntry Record(SecurityEvent @event, string userName, string? remoteAddress, DateTimeOffset at) =>
        new()
        {
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
