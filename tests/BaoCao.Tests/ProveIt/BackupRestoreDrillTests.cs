using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using BaoCao.Forms.Persistence;
using BaoCao.SharedKernel.Persistence;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BaoCao.Tests.ProveIt;

/// <summary>
/// The backup and restore drill: <c>backup FILE</c> (SQLite VACUUM INTO, PostgreSQL pg_dump) runs while officers keep
/// saving; the copy is restored (put in place, or pg_restore into an empty database), the system starts on it, its audit
/// chain verifies, and every save acknowledged before the backup began is in it; nothing in it was never sent.
/// </summary>
public sealed class BackupRestoreDrillTests
{
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_backup_taken_under_write_load_restores_to_a_verified_system_with_every_write_acknowledged_before_it(DatabaseKind database)
    {
        var backup = Path.Combine(Path.GetTempPath(), "baocao-tests", $"backup-{Guid.NewGuid():N}.bak");
        await using var app = await BaoCaoApp.StartAsync(database);
        var officer = await app.SignedInAsAsync("canbo.stc");
        var acknowledged = new ConcurrentQueue<(int Value, long At)>();
        var sent = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            for (var value = 100_000; !stop.IsCancellationRequested; value++)
            {
                sent.Add(value);
                using var response = await officer.PostAsJsonAsync("/api/forms/data", new { formCode = "BM-TC-THANG", unitCode = "STC", period = "202610",
                    values = new[] { new { indicator = "THU_XNK", value } } });
                if (response.IsSuccessStatusCode)
                    acknowledged.Enqueue((value, Stopwatch.GetTimestamp()));
            }
        });
        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= 20), "the load is running");
        var backupStarted = Stopwatch.GetTimestamp();
        var output = new StringWriter();
        // As `BaoCao.Web backup FILE` runs it.
        var taken = await global::BaoCao.Web.Hosting.DatabaseBackup.RunAsync(app.Services.GetRequiredService<DatabaseOptions>(), backup, output, CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count(a => a.At > backupStarted) >= 20), "the load goes on after the backup");
        await stop.CancelAsync();
        await load;

        var watch = Stopwatch.StartNew();
        await using var restoredDatabase = await TestDatabase.CreateAsync(database);
        if (database == DatabaseKind.Sqlite)
            File.Copy(backup, restoredDatabase.SqliteFile!);
        else
            await RestoreAsync(backup, restoredDatabase);
        await using var restored = BaoCaoApp.StartOn(restoredDatabase);
        int verified;
        await using (var command = BaoCao.SharedKernel.Security.SystemActor.Begin(restored.Services)) // as `BaoCao.Web verify-audit` runs it
            verified = await global::BaoCao.Workflow.Features.VerifyAudit.RunAsync(command.ServiceProvider, output, CancellationToken.None);
        var recovery = watch.Elapsed;
        var history = await restored.InScopeAsync(services => services.GetRequiredService<FormsDbContext>().DataValueChanges.AsNoTracking()
            .Where(c => c.By == "canbo.stc").Select(c => c.After).ToListAsync());
        Console.WriteLine($"Backup drill ({database}): {acknowledged.Count} saves acknowledged during the run, {history.Count} in the copy; recovery {recovery.TotalSeconds:N1} s; {output.ToString().ReplaceLineEndings(" ")}");
        File.Delete(backup);

        Assert.Equal(0, taken);
        Assert.Equal(0, verified);
        var inCopy = history.Select(h => int.Parse(h!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(acknowledged.Where(a => a.At < backupStarted), a => Assert.Contains(a.Value, inCopy)); // acknowledged before it began: in it
        Assert.True(inCopy.IsSubsetOf(sent.ToHashSet()), "the copy holds only values that were sent");
        Assert.True(inCopy.Count < acknowledged.Count, "the copy is an instant: saves after it are not in it");
    }

    private static async Task RestoreAsync(string backup, TestDatabase target)
    {
        var settings = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var restore = new ProcessStartInfo("pg_restore", ["--no-owner", "--exit-on-error", $"--dbname={settings.Database}", backup]) { RedirectStandardError = true };
        restore.Environment["PGHOST"] = settings.Host;
        restore.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        restore.Environment["PGUSER"] = settings.Username;
        restore.Environment["PGPASSWORD"] = settings.Password;
        using var process = Process.Start(restore)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_restore: {errors}");
    }
}
