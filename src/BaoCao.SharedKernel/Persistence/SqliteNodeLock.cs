using Microsoft.Data.Sqlite;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// One node per SQLite file. Two processes on one file would each run their own job server and their own
/// in-memory job storage, so scheduled work (reminder e-mails) could run twice; the second process is refused.
/// The lock is an exclusively opened file beside the database; the OS releases it when the process dies.
/// </summary>
public sealed class SqliteNodeLock : IDisposable
{
    private readonly FileStream _lock;

    private SqliteNodeLock(FileStream @lock) => _lock = @lock;

    public static SqliteNodeLock Acquire(string connectionString)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var lockFile = file + ".node-lock";
        try
        {
            var stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n"));
            stream.Flush();
            return new SqliteNodeLock(stream);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"Another BaoCao process is already running on the SQLite database '{file}'. " +
                "SQLite supports one node only: stop the other process, or run several nodes on PostgreSQL " +
                "(Database:Provider=PostgreSql).", exception);
        }
    }

    public void Dispose() => _lock.Dispose();
}
