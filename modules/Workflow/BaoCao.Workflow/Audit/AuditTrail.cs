using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Audit;

/// <summary>Appends to the hash-chained audit trail inside the caller's transaction. Taking the next ids locks the
/// counter row until commit, so entries chain in commit order even with several nodes.</summary>
internal sealed class AuditTrail(WorkflowDbContext db, ICurrentUser user, TimeProvider clock)
{
    internal sealed record Line(string Kind, string Subject, string? Before, string? After);

    public Task AppendAsync(IReadOnlyList<Line> lines, CancellationToken cancellationToken) =>
        AppendAsync(lines, user.UserName ?? "system", user.RemoteAddress, clock.GetUtcNow(), cancellationToken);

    /// <summary>Appends lines for an actor named explicitly (an event delivered later says who acted and when).</summary>
    public async Task AppendAsync(IReadOnlyList<Line> lines, string by, string? address, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
            return;
        var last = await ReserveAsync(db, Counters.Audit, lines.Count, cancellationToken);
        var id = last - lines.Count;
        var previousHash = id == 0 ? AuditEntry.Genesis
            : await db.Audit.Where(e => e.Id == id).Select(e => e.Hash).SingleAsync(cancellationToken);
        foreach (var line in lines)
        {
            var entry = new AuditEntry(++id, at, by, address, line.Kind, line.Subject, line.Before, line.After, previousHash);
            db.Audit.Add(entry);
            previousHash = entry.Hash;
        }
    }

    /// <summary>Adds <paramref name="count"/> to a counter inside the current transaction and returns its new value.</summary>
    public static async Task<long> ReserveAsync(WorkflowDbContext db, string counter, int count, CancellationToken cancellationToken)
    {
        await db.Counters.Where(c => c.Name == counter).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + count), cancellationToken);
        return await db.Counters.Where(c => c.Name == counter).Select(c => c.Value).SingleAsync(cancellationToken);
    }
}
