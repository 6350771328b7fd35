using BaoCao.SharedKernel.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation;

/// <summary>The conventions every module context inherits, checked on both providers.</summary>
public sealed class PersistenceTests
{
    private sealed class Note : IVersioned
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
        public DateTimeOffset SavedAt { get; set; }
        public long Version { get; set; }
    }

    private sealed class ProbeDbContext(DbContextOptions options) : ModuleDbContext(options, "probe")
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>().ToTable("Notes");
    }

    private static async Task<Func<ProbeDbContext>> ProbeAsync(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<ProbeDbContext>();
        if (database.Kind == DatabaseKind.Sqlite)
            options.UseSqlite(database.ConnectionString);
        else
            options.UseNpgsql(database.ConnectionString);
        ProbeDbContext Open() => new(options.Options);
        await using var context = Open();
        await context.Database.EnsureCreatedAsync();
        return Open;
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_stale_save_is_refused_instead_of_overwriting(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var open = await ProbeAsync(database);
        await using (var setup = open())
        {
            setup.Notes.Add(new Note { Id = 1, Text = "bản đầu", SavedAt = BaoCaoApp.Start });
            await setup.SaveChangesAsync();
        }

        await using var alice = open();
        await using var bob = open();
        var alicesNote = await alice.Notes.SingleAsync();
        var bobsNote = await bob.Notes.SingleAsync();
        alicesNote.Text = "Alice sửa";
        await alice.SaveChangesAsync();
        bobsNote.Text = "Bob sửa";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());
        await using var check = open();
        var stored = await check.Notes.SingleAsync();
        Assert.Equal("Alice sửa", stored.Text);
        Assert.Equal(2, stored.Version); // 1 when created, 2 after Alice's edit
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_version_a_user_saw_is_checked_on_save(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var open = await ProbeAsync(database);
        await using (var setup = open())
        {
            setup.Notes.Add(new Note { Id = 1, Text = "v0", SavedAt = BaoCaoApp.Start });
            await setup.SaveChangesAsync();
            var note = await setup.Notes.SingleAsync();
            note.Text = "v1";
            await setup.SaveChangesAsync(); // now at version 1
        }

        await using var stale = open();
        var seen = await stale.Notes.SingleAsync();
        stale.ExpectVersion(seen, versionSeenByUser: 0); // the form was loaded before the last save
        seen.Text = "từ biểu mẫu cũ";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Instants_are_stored_in_UTC_and_compare_in_SQL(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var open = await ProbeAsync(database);
        await using (var setup = open())
        {
            setup.Notes.Add(new Note { Id = 1, Text = "sáng", SavedAt = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7)) });
            setup.Notes.Add(new Note { Id = 2, Text = "chiều", SavedAt = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(7)) });
            await setup.SaveChangesAsync();
        }

        await using var query = open();
        var noonInHanoi = new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);
        var afternoon = await query.Notes.Where(n => n.SavedAt > noonInHanoi).OrderBy(n => n.SavedAt).Select(n => n.Text).ToListAsync();

        Assert.Equal(["chiều"], afternoon);
        Assert.Equal(TimeSpan.Zero, (await query.Notes.FirstAsync(n => n.Id == 1)).SavedAt.Offset);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Each_module_has_its_own_schema_or_table_prefix(DatabaseKind kind)
    {
        await using var app = await BaoCaoApp.StartAsync(kind);

        var tables = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BaoCao.Deadlines.Persistence.DeadlinesDbContext>();
            var sql = kind == DatabaseKind.Sqlite
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_schema || '.' || table_name AS \"Value\" FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')";
            return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        });

        foreach (var module in new[] { "accounts", "indicators", "forms", "workflow", "deadlines", "dashboards" })
        {
            var outbox = kind == DatabaseKind.Sqlite ? $"{module}_OutboxMessages" : $"{module}.OutboxMessages";
            var history = kind == DatabaseKind.Sqlite ? $"{module}___EFMigrationsHistory" : $"{module}.__EFMigrationsHistory";
            Assert.Contains(outbox, tables);
            Assert.Contains(history, tables);
        }
    }

    [Fact]
    public async Task A_second_node_on_one_SQLite_file_is_refused_with_a_clear_reason()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);

        // The app holds the file's node lock; a second taker is told why, in Vietnamese (the process test in
        // SecureInstallTests checks the exit code and the message a second server prints).
        var reason = BaoCao.SharedKernel.Persistence.SqliteNodeLock.TryAcquire(app.Database.ConnectionString, out var second);

        Assert.Null(second);
        Assert.Contains("Một tiến trình BaoCao khác đang chạy trên cơ sở dữ liệu SQLite", reason);
        Assert.Contains("PostgreSql", reason);
    }

    [PostgresFact]
    public async Task Two_PostgreSql_nodes_starting_at_once_migrate_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        var notYet = new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Outbox:Enabled"] = "false", ["Demo:Seed"] = "false" };
        await using var first = BaoCaoApp.StartOn(database, notYet);
        await using var second = BaoCaoApp.StartOn(database, notYet);

        await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(CancellationToken.None)),
            Task.Run(() => second.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(CancellationToken.None)));

        var applied = await first.InScopeAsync(sp => sp.GetRequiredService<BaoCao.Deadlines.Persistence.DeadlinesDbContext>()
            .Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM deadlines.\"__EFMigrationsHistory\"").ToListAsync());
        Assert.Equal(applied.Distinct().Count(), applied.Count);
        Assert.NotEmpty(applied);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_node_cache_filled_between_a_save_and_its_commit_is_cleared_at_the_commit(DatabaseKind kind)
    {
        await using var app = await BaoCaoApp.StartAsync(kind);
        Task<string?> NameSeenAsync() => app.InScopeAsync(async sp =>
            (await sp.GetRequiredService<Mediator.ISender>().Send(new BaoCao.Accounts.Contracts.ListAllUnits())).SingleOrDefault(u => u.Code == "STC")?.Name);
        var before = await NameSeenAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<BaoCao.Accounts.Persistence.AccountsDbContext>();
        await using var transaction = await accounts.Database.BeginTransactionAsync();
        (await accounts.Units.SingleAsync(u => u.Code == "STC")).Rename("Sở Tài chính tỉnh Ninh Bình");
        await accounts.SaveChangesAsync();
        Assert.Equal(before, await NameSeenAsync()); // another request, before the commit: the old name, now cached again
        await transaction.CommitAsync();

        Assert.Equal("Sở Tài chính tỉnh Ninh Bình", await NameSeenAsync());
    }

    [Theory]
    [InlineData("Host=db;Username=baocao", 50)]
    [InlineData("Host=db;Username=baocao;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=baocao;Max Auto Prepare=20", 20)]
    public void PostgreSQL_prepares_repeated_statements_unless_the_connection_string_says_otherwise(string connectionString, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(ModuleDatabaseRegistration.PreparingStatements(connectionString)).MaxAutoPrepare);
}
