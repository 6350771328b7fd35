using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Telemetry;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaoCao.SharedKernel.Events;

/// <summary>
/// Publishes every module's committed outbox messages in order. A message is claimed with a lease
/// (an UPDATE that only one node wins), published in its own scope, then marked done; a failure backs off
/// and retries. Runs at start-up (catching up on what a crash left behind), when woken, and every poll.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    OutboxSignal signal,
    TimeProvider clock,
    OutboxDispatcherOptions options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be restarting; the next round tries again.
                logger.LogWarning(exception, "Outbox dispatch round failed");
                await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Publishes everything committed so far; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var database in databases)
        {
            int batch;
            do
            {
                batch = await DispatchBatchAsync(database, cancellationToken);
                delivered += batch;
            } while (batch == BatchSize);
        }
        return delivered;
    }

    private async Task<int> DispatchBatchAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = await database.Open(scope.ServiceProvider).Outbox
                .Where(m => m.DispatchedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = database.Open(scope.ServiceProvider);
            var now = clock.GetUtcNow();
            var leaseEnd = now + Lease;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.DispatchedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0)
                continue; // another node has it

            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                var notification = message.ToNotification();
                if (notification is null)
                    logger.LogError("Outbox message {Id} of {Schema} has unknown type {Type}; it is marked done unpublished", id, database.Schema, message.Type);
                else
                    await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(notification, cancellationToken);

                var done = clock.GetUtcNow();
                await db.Outbox.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, done).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
                BaoCaoTelemetry.OutboxDispatched.Add(1, new KeyValuePair<string, object?>("baocao.module", database.Schema));
                delivered++;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var retryAt = clock.GetUtcNow() + Backoff(attempts);
                var error = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message;
                logger.LogWarning(exception, "Publishing outbox message {Id} of {Schema} failed (attempt {Attempts})", id, database.Schema, attempts);
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LockedUntil, retryAt), CancellationToken.None);
            }
        }
        return delivered;
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(attempts, 12))));
}

/// <summary><c>Outbox:Enabled</c> (true) and <c>Outbox:PollSeconds</c> (2).</summary>
public sealed record OutboxDispatcherOptions(bool Enabled, TimeSpan PollInterval);
