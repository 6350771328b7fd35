using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// Clears again, when a transaction ends, the node caches a save inside it made stale. The save clears them at once, but
/// until the commit other connections still read the old rows: a read in between would put them back in the cache for a
/// whole lifetime.
/// </summary>
internal sealed class ClearCachesAtTransactionEnd : DbTransactionInterceptor
{
    public static readonly ClearCachesAtTransactionEnd Instance = new();

    // Keyed by the transaction object: an entry lives as long as its transaction, whatever pooling does with the context.
    private static readonly ConditionalWeakTable<DbTransaction, HashSet<INodeCache>> Pending = new();

    public static void Remember(DbTransaction transaction, IEnumerable<INodeCache> stale)
    {
        var caches = Pending.GetOrCreateValue(transaction);
        lock (caches)
            caches.UnionWith(stale);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Clear(transaction, eventData, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(transaction, eventData, committed: true);
        return Task.CompletedTask;
    }

    // A rollback puts the old rows back; a read inside the transaction may have cached rows that never were.
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Clear(transaction, eventData, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(transaction, eventData, committed: false);
        return Task.CompletedTask;
    }

    // The outbox dispatcher is woken again once what a save inside the transaction published is committed.
    private static void Clear(DbTransaction transaction, TransactionEndEventData eventData, bool committed)
    {
        (eventData.Context as ModuleDbContext)?.TransactionEnded(committed);
        Clear(transaction);
    }

    private static void Clear(DbTransaction transaction)
    {
        if (!Pending.TryGetValue(transaction, out var caches))
            return;
        Pending.Remove(transaction);
        lock (caches)
        {
            foreach (var cache in caches)
                cache.Invalidate();
        }
    }
}
