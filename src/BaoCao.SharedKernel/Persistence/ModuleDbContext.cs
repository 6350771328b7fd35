using BaoCao.SharedKernel.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// Base of every module's DbContext. Each module owns one schema on PostgreSQL and one table prefix on
/// SQLite (which ignores schemas), its own outbox and its own migrations history. A module derives one
/// context with its model and two empty provider subclasses that its migrations are generated for.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string schema) : DbContext(options)
{
    public string Schema { get; } = schema;

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>Queues a notification to be published after this context's changes commit.</summary>
    public void Publish(INotification notification, DateTimeOffset occurredAt) =>
        Outbox.Add(OutboxMessage.For(notification, occurredAt));

    /// <summary>Checks the next save against the version the user saw (409 when someone saved in between).</summary>
    public void ExpectVersion<T>(T entity, long versionSeenByUser) where T : class, IVersioned =>
        Entry(entity).Property(e => e.Version).OriginalValue = versionSeenByUser;

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Type).HasMaxLength(300);
            outbox.HasIndex(m => m.DispatchedAt);
        });
        ConfigureModel(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
        }

        if (Database.IsSqlite())
        {
            foreach (var entity in modelBuilder.Model.GetEntityTypes())
            {
                if (entity.GetTableName() is { } table && entity.FindOwnership() is null && !table.StartsWith(Schema + "_", StringComparison.Ordinal))
                    entity.SetTableName($"{Schema}_{table}");
            }
        }
        else
        {
            modelBuilder.HasDefaultSchema(Schema);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC whatever offset the caller used. SQLite stores DateTimeOffset as text,
        // which it can neither order nor compare, so there they are UTC ticks.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
            // numeric(p, s) returns every value padded to its scale (1000.00000000); read back the number people typed.
            configurationBuilder.Properties<decimal>().HaveConversion<ScaleFreeDecimalConverter>();
            configurationBuilder.Properties<decimal?>().HaveConversion<ScaleFreeDecimalConverter>();
        }
    }

    private sealed class ScaleFreeDecimalConverter() : ValueConverter<decimal, decimal>(
        value => value, value => Text.Decimals.Normalize(value));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(), value => value);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var publishes = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var stale = StaleCaches();
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (publishes)
            Published();
        Invalidate(stale);
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var publishes = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var stale = StaleCaches();
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        if (publishes)
            Published();
        Invalidate(stale);
        return written;
    }

    // Inside a transaction the dispatcher cannot see the messages before the commit: it is woken again then.
    private bool _publishedInTransaction;

    private void Published()
    {
        OutboxSignal?.Wake();
        if (Database.CurrentTransaction is not null)
            _publishedInTransaction = true;
    }

    /// <summary>Called when this context's transaction ends (<see cref="ClearCachesAtTransactionEnd"/>).</summary>
    internal void TransactionEnded(bool committed)
    {
        if (committed && _publishedInTransaction)
            OutboxSignal?.Wake();
        _publishedInTransaction = false;
    }

    private void Invalidate(List<INodeCache> stale)
    {
        foreach (var cache in stale)
            cache.Invalidate();
        if (stale.Count > 0 && Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            ClearCachesAtTransactionEnd.Remember(transaction, stale);
    }

    /// <summary>The node caches holding entities this save changes (cleared once it has written, and again when its
    /// transaction ends).</summary>
    private List<INodeCache> StaleCaches()
    {
        var caches = AppServices?.GetServices<INodeCache>().Where(c => c.Sources.Any(t => Model.FindEntityType(t) is not null)).ToList() ?? [];
        if (caches.Count == 0) // no cache holds this module's entities: no need to look at what changed
            return caches;
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType).ToHashSet();
        return [.. caches.Where(c => c.Sources.Any(changed.Contains))];
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            // A saved row is never version 0, so 0 can mean "did not exist when I looked".
            else if (entry.State == EntityState.Added && entry.Entity.Version == 0)
                entry.Entity.Version = 1;
        }
    }

    // The signal and the caches are app services; the context reaches them through the provider it was created from.
    private IServiceProvider? AppServices =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

    private OutboxSignal? OutboxSignal => AppServices?.GetService<OutboxSignal>();
}
