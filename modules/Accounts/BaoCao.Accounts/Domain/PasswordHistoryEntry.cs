namespace BaoCao.Accounts.Domain;

/// <summary>A password an account used before (its hash), so the last ten cannot be chosen again.</summary>
internal sealed class PasswordHistoryEntry
{
    private PasswordHistoryEntry() { }

    public long Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    public static PasswordHistoryEntry Of(Account account, DateTimeOffset at) =>
        new() { AccountId = account.Id, PasswordHash = account.PasswordHash!, ChangedAt = at };
}
