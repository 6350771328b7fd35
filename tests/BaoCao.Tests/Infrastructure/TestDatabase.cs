using Npgsql;

namespace BaoCao.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database
/// dropped on dispose. Several app instances may start one after another on it (restart tests).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseKind kind, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "baocao-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(kind, $"Data Source={Path.Combine(directory, "baocao.db")}", directory, null);
        }

        var admin = Databases.PostgresConnectionString
            ?? throw new InvalidOperationException($"CI=true but {Databases.PostgresVariable} is not set: the PostgreSQL tests cannot run.");
        var name = $"baocao_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true };
        return new TestDatabase(kind, builder.ConnectionString, null, name);
    }

    /// <summary>A new database holding what <paramref name="template"/> holds: a file copy on SQLite, <c>CREATE DATABASE …
    /// TEMPLATE</c> on PostgreSQL (nobody may be connected to the template meanwhile).</summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase template)
    {
        if (template.Kind == DatabaseKind.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "baocao-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, "baocao.db");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(template.SqliteFile + suffix))
                    File.Copy(template.SqliteFile + suffix, file + suffix);
            return new TestDatabase(template.Kind, $"Data Source={file}", directory, null);
        }
        var name = $"baocao_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Databases.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template._postgresName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(Databases.PostgresConnectionString) { Database = name, Pooling = true };
        return new TestDatabase(template.Kind, builder.ConnectionString, null, name);
    }

    /// <summary>Runs one SQL statement on the database (test set-up, outside any app).</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var statement = new NpgsqlCommand(sql, connection);
        await statement.ExecuteNonQueryAsync();
    }

    /// <summary>The SQLite file's path (null on PostgreSQL), e.g. to put a backup in its place before a start.</summary>
    public string? SqliteFile => _sqliteDirectory is null ? null : Path.Combine(_sqliteDirectory, "baocao.db");

    /// <summary>The PostgreSQL database's name (null on SQLite).</summary>
    public string? PostgresName => _postgresName;

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDirectory, recursive: true); }
            catch (IOException) { } // a file still mapped by a finishing process; the temp folder is swept by the OS
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Databases.PostgresConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
