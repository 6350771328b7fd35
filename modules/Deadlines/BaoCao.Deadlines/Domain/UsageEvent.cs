namespace BaoCao.Deadlines.Domain;

internal enum UsageKind
{
    SignIn,
}

/// <summary>
/// One use of the system, counted for the half-yearly and yearly usage report (Đ18.1). The id is the
/// announcing event's id, so a redelivered notification is recorded once.
/// </summary>
internal sealed class UsageEvent
{
    private UsageEvent() { }

    public Guid Id { get; private set; }
    public UsageKind Kind { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static UsageEvent SignIn(Guid eventId, string userName, DateTimeOffset at) =>
        new() { Id = eventId, Kind = UsageKind.SignIn, UserName = userName, At = at };
}
