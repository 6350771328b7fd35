using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// Applies every module's migrations at start-up. On PostgreSQL the whole run holds one advisory lock, so
/// two nodes starting at once migrate one after the other (the second finds nothing to do); what must follow the
/// migration on an empty database (the demo seed) runs under the same lock, so two nodes never seed at once.
/// </summary>
public sealed class ModuleMigrator(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, DatabaseOptions options, ILogger<ModuleMigrator> logger)
{
    // Any constant works as long as nothing else in the database uses it: "BaoCao" in ASCII.
    private const long AdvisoryLockKey = 0x42616f43616f;

    public async Task MigrateAsync(CancellationToken cancellationToken, Func<CancellationToken, Task>? thenUnderLock = null)
    {
        if (options.IsSqlite)
        {
            await PrepareSqliteAsync(cancellationToken);
            await MigrateModulesAsync(cancellationToken);
            if (thenUnderLock is not null)
                await thenUnderLock(cancellationToken);
            return;
        }

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
        {
            take.CommandTimeout = 0; // wait as long as the other node needs
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            // With the schema in place EF Core's history check finds "no table" quietly instead of logging an error.
            foreach (var database in databases)
            {
                await using var schema = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{database.Schema}\"", connection);
                await schema.ExecuteNonQueryAsync(cancellationToken);
            }
            await MigrateModulesAsync(cancellationToken);
            if (thenUnderLock is not null)
                await thenUnderLock(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task MigrateModulesAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = database.Open(scope.ServiceProvider);
            // Npgsql logs a spurious error when it reads a history table that does not exist yet (efcore.pg#3407).
            if (!options.IsSqlite)
                await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
                continue;
            logger.LogInformation("Migrating {Schema}: {Migrations}", database.Schema, string.Join(", ", pending));
            await context.Database.MigrateAsync(cancellationToken);
        }
    }

    // WAL lets readers (dashboards) proceed while one writer saves; it is a property of the file, set once.
    private async Task PrepareSqliteAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
            Directory.CreateDirectory(directory);
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }
}
