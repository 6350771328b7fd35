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

    /// <summary>The exit code of a second process refused on one SQLite file.</summary>
    public const int ExitCode = 75; // EX_TEMPFAIL

    /// <summary>The lock, or (as the return value) a Vietnamese message saying why it could not be taken.</summary>
    public static string? TryAcquire(string connectionString, out SqliteNodeLock? nodeLock)
    {
        try
        {
            nodeLock = Acquire(connectionString);
            return null;
        }
        catch (InvalidOperationException refused)
        {
            nodeLock = null;
            return refused.Message;
        }
    }

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
                $"Một tiến trình BaoCao khác đang chạy trên cơ sở dữ liệu SQLite '{file}'. SQLite chỉ phục vụ một máy chủ: " +
                "hãy dừng tiến trình kia, hoặc chạy nhiều máy chủ trên PostgreSQL (Database:Provider=PostgreSql).", exception);
        }
    }

    public void Dispose() => _lock.Dispose();
}
