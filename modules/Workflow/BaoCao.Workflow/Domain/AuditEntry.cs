using System.Security.Cryptography;
using System.Text;

namespace BaoCao.Workflow.Domain;

/// <summary>
/// One line of the append-only audit trail (R13): who did what, when, from where, with the before and after. Each
/// entry's hash covers its content and the previous entry's hash, so altering, inserting or deleting any entry breaks
/// the chain at that point. The application inserts audit rows and never updates or deletes them.
/// </summary>
internal sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(long id, DateTimeOffset at, string by, string? address, string kind, string subject, string? before, string? after, string previousHash)
    {
        Id = id;
        // PostgreSQL keeps microseconds, the clock gives 100 ns ticks: hash only what the database will give back.
        At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        By = by;
        Address = address;
        Kind = kind;
        Subject = subject;
        Before = before;
        After = after;
        PreviousHash = previousHash;
        Hash = Compute(this);
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string? Address { get; private set; }
    public string Kind { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        e.By, e.Address ?? "", e.Kind, e.Subject, e.Before ?? "\u0000", e.After ?? "\u0000", e.PreviousHash))));

    /// <summary>The id of the first entry that does not fit the chain (altered, inserted or after a deletion), or null.</summary>
    public static long? FirstBroken(IEnumerable<AuditEntry> entriesInIdOrder, long previousId = 0, string previousHash = Genesis)
    {
        foreach (var entry in entriesInIdOrder)
        {
            if (entry.Id != previousId + 1 || entry.PreviousHash != previousHash || Compute(entry) != entry.Hash)
                return entry.Id;
            previousHash = entry.Hash;
            previousId = entry.Id;
        }
        return null;
    }
}

/// <summary>An event already written to the audit trail: a redelivery of it is ignored.</summary>
internal sealed class ProcessedEvent
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
}
