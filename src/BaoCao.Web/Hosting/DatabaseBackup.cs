using System.Diagnostics;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaoCao.Web.Hosting;

/// <summary>
/// <c>BaoCao.Web backup FILE</c>: a consistent copy of the whole database while the system keeps serving. SQLite: the
/// engine's own <c>VACUUM INTO</c> (one read transaction, so the copy is a single instant; never a copy of the live file,
/// which may be mid-write). PostgreSQL: <c>pg_dump --format=custom</c> (one snapshot), restored with <c>pg_restore</c>.
/// Restoring: stop the app, put the copy in place (SQLite) or <c>pg_restore --clean --if-exists -d DB FILE</c>, start it,
/// run <c>verify-audit</c>.
/// </summary>
internal static class DatabaseBackup
{
    public const string CommandName = "backup";
    public const string Description = "Sao lưu toàn bộ cơ sở dữ liệu khi hệ thống vẫn chạy: backup TỆP (SQLite: VACUUM INTO; PostgreSQL: pg_dump)";

    public static async Task<int> RunAsync(DatabaseOptions database, string? target, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync("Cần tên tệp sao lưu: backup /duong-dan/baocao-YYYYMMDD.bak");
            return 2;
        }
        var file = Path.GetFullPath(target);
        if (File.Exists(file))
        {
            await output.WriteLineAsync($"Tệp {file} đã có: chọn tên khác (bản sao lưu cũ không bị ghi đè).");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var watch = Stopwatch.StartNew();
        if (database.IsSqlite)
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $file";
            command.Parameters.AddWithValue("$file", file);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var dump = new ProcessStartInfo("pg_dump", ["--format=custom", "--no-owner", $"--file={file}"]) { RedirectStandardError = true };
            dump.Environment["PGHOST"] = settings.Host;
            dump.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            dump.Environment["PGUSER"] = settings.Username;
            dump.Environment["PGPASSWORD"] = settings.Password;
            dump.Environment["PGDATABASE"] = settings.Database;
            using var process = Process.Start(dump)!;
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                await output.WriteLineAsync($"pg_dump không thành công (mã {process.ExitCode}): {SharedKernel.Text.OneLine.Of(errors, 500)}");
                return 1;
            }
        }
        await output.WriteLineAsync($"Đã sao lưu vào {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:N1} MB, {watch.Elapsed.TotalSeconds:N1} giây).");
        return 0;
    }
}
