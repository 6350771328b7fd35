using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.Tests.Infrastructure;
using BaoCao.TxOther;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation
{
    public sealed class TxNote : IVersioned
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
        public long Version { get; set; }
    }

    /// <summary>The context of the "BaoCao.Tests" module: commands in this namespace are its commands.</summary>
    public sealed class TxProbeDbContext(DbContextOptions<TxProbeDbContext> options) : ModuleDbContext(options, "txprobe")
    {
        public DbSet<TxNote> Notes => Set<TxNote>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<TxNote>().ToTable("Notes");
    }

    public sealed record TxWrite(string Text) : ICommand<Result>;

    public sealed record TxWriteValue(string Text) : ICommand<Result<int>>, IConflictMessage
    {
        string IConflictMessage.ConflictMessage => "Người khác vừa sửa ghi chú này.";
    }

    public sealed record TxOwn(string Text) : ICommand<Result>, IOwnTransaction;

    public sealed record TxRead : IQuery<Result>;

    /// <summary>The pipeline's transaction behaviour on both databases: what a command writes commits with its success
    /// and nothing of it stays after a failure; a command sent from inside another joins it; a concurrent save is a 409.</summary>
    public sealed class TransactionBehaviorTests
    {
        private sealed class Harness(ServiceProvider root, IServiceScope scope) : IAsyncDisposable
        {
            public IServiceProvider Services => scope.ServiceProvider;
            public TxProbeDbContext Db => Services.GetRequiredService<TxProbeDbContext>();
            public OtherDbContext Other => Services.GetRequiredService<OtherDbContext>();

            public ValueTask<TResponse> SendAsync<TMessage, TResponse>(TMessage message, Func<TMessage, ValueTask<TResponse>> handler)
                where TMessage : IMessage =>
                new TransactionBehavior<TMessage, TResponse>(Services, Services.GetServices<ModuleDatabase>())
                    .Handle(message, (m, _) => handler(m), CancellationToken.None);

            public async Task<List<string>> NotesAsync()
            {
                await using var fresh = root.CreateAsyncScope();
                return await fresh.ServiceProvider.GetRequiredService<TxProbeDbContext>().Notes.AsNoTracking().OrderBy(n => n.Id).Select(n => n.Text).ToListAsync();
            }

            public async Task<List<string>> OtherNotesAsync()
            {
                await using var fresh = root.CreateAsyncScope();
                return await fresh.ServiceProvider.GetRequiredService<OtherDbContext>().Notes.AsNoTracking().OrderBy(n => n.Id).Select(n => n.Text).ToListAsync();
            }

            public async ValueTask DisposeAsync()
            {
                scope.Dispose();
                await root.DisposeAsync();
            }
        }

        private static async Task<Harness> StartAsync(TestDatabase database)
        {
            var services = new ServiceCollection();
            void Use(DbContextOptionsBuilder options)
            {
                if (database.Kind == DatabaseKind.Sqlite)
                    options.UseSqlite(database.ConnectionString);
                else
                    options.UseNpgsql(database.ConnectionString);
            }
            services.AddDbContext<TxProbeDbContext>(Use);
            services.AddDbContext<OtherDbContext>(Use);
            services.AddSingleton(new ModuleDatabase("txprobe", typeof(TxProbeDbContext)));
            services.AddSingleton(new ModuleDatabase("txother", typeof(OtherDbContext)));
            var root = services.BuildServiceProvider();
            await using (var setup = root.CreateAsyncScope())
            {
                await setup.ServiceProvider.GetRequiredService<TxProbeDbContext>().Database.EnsureCreatedAsync();
                if (database.Kind == DatabaseKind.Sqlite)
                {
                    await using var wal = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
                    await wal.OpenAsync();
                    await using var pragma = wal.CreateCommand();
                    pragma.CommandText = "PRAGMA journal_mode=WAL;";
                    await pragma.ExecuteNonQueryAsync();
                }
                // The second module's tables in the same database (one file on SQLite, as in production).
                await setup.ServiceProvider.GetRequiredService<OtherDbContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            }
            return new Harness(root, root.CreateScope());
        }

        [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
        public async Task A_successful_command_commits_what_it_wrote_in_one_transaction(DatabaseKind kind)
        {
            await using var database = await TestDatabase.CreateAsync(kind);
            await using var app = await StartAsync(database);

            var result = await app.SendAsync<TxWrite, Result>(new TxWrite("một"), async command =>
            {
                Assert.NotNull(app.Db.Database.CurrentTransaction);
                app.Db.Notes.Add(new TxNote { Id = 1, Text = command.Text });
                await app.Db.SaveChangesAsync();
                app.Db.Notes.Add(new TxNote { Id = 2, Text = "hai" });
                await app.Db.SaveChangesAsync();
                return Result.Ok();
            });

            Assert.True(result.IsSuccess);
            Assert.Null(app.Db.Database.CurrentTransaction);
            Assert.Equal(new[] { "một", "hai" }, await app.NotesAsync());
        }

        [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
        public async Task A_failed_result_or_an_exception_leaves_nothing_half_written(DatabaseKind kind)
        {
            await using var database = await TestDatabase.CreateAsync(kind);
            await using var app = await StartAsync(database);

            var refused = await app.SendAsync<TxWrite, Result>(new TxWrite("ghi rồi trả lỗi"), async command =>
            {
                app.Db.Notes.Add(new TxNote { Id = 1, Text = command.Text });
                await app.Db.SaveChangesAsync();
                await app.Db.Notes.Where(n => n.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "đã sửa"));
                return Result.Invalid("Dữ liệu không hợp lệ.", "text");
            });
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await app.SendAsync<TxWrite, Result>(new TxWrite("ghi rồi lỗi"), async command =>
            {
                app.Db.Notes.Add(new TxNote { Id = 2, Text = command.Text });
                await app.Db.SaveChangesAsync();
                throw new InvalidOperationException("lỗi giữa chừng");
            }));

            Assert.Equal(ResultStatus.Invalid, refused.Status);
            Assert.Equal(ErrorCodes.Invalid, refused.Code);
            Assert.Empty(await app.NotesAsync());
            Assert.Empty(app.Db.ChangeTracker.Entries()); // nothing tracked is left for a later save on this context
            Assert.Null(app.Db.Database.CurrentTransaction);
        }

        [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
        public async Task A_command_sent_from_inside_another_joins_its_transaction_and_the_outer_one_decides(DatabaseKind kind)
        {
            await using var database = await TestDatabase.CreateAsync(kind);
            await using var app = await StartAsync(database);
            IDbContextTransaction? outer = null, inner = null;

            async ValueTask<Result> Outer(TxWrite command, bool failAfter)
            {
                outer = app.Db.Database.CurrentTransaction;
                app.Db.Notes.Add(new TxNote { Id = command.Text.Length, Text = command.Text });
                await app.Db.SaveChangesAsync();
                var nested = await app.SendAsync<TxWrite, Result>(new TxWrite("lồng"), async _ =>
                {
                    inner = app.Db.Database.CurrentTransaction;
                    app.Db.Notes.Add(new TxNote { Id = 100 + command.Text.Length, Text = "lồng" });
                    await app.Db.SaveChangesAsync();
                    return Result.Ok();
                });
                Assert.True(nested.IsSuccess);
                Assert.NotNull(app.Db.Database.CurrentTransaction); // the nested command did not commit or end it
                return failAfter ? Result.Conflict("Không được.") : Result.Ok();
            }

            var failed = await app.SendAsync<TxWrite, Result>(new TxWrite("ngoài-hỏng"), c => Outer(c, failAfter: true));
            Assert.Same(outer, inner);
            Assert.Empty(await app.NotesAsync()); // the outer failure undid the nested command's rows too

            var done = await app.SendAsync<TxWrite, Result>(new TxWrite("ngoài"), c => Outer(c, failAfter: false));
            Assert.Equal(ResultStatus.Conflict, failed.Status);
            Assert.True(done.IsSuccess);
            Assert.Equal(new[] { "ngoài", "lồng" }, await app.NotesAsync());
        }

        [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
        public async Task A_concurrent_save_becomes_a_409_with_the_commands_sentence_and_nothing_of_it_stays(DatabaseKind kind)
        {
            await using var database = await TestDatabase.CreateAsync(kind);
            await using var app = await StartAsync(database);
            await app.SendAsync<TxWrite, Result>(new TxWrite("bản đầu"), async command =>
            {
                app.Db.Notes.Add(new TxNote { Id = 1, Text = command.Text });
                await app.Db.SaveChangesAsync();
                return Result.Ok();
            });

            // Stale version: the user saw version 0, the row is at 1.
            var stale = await app.SendAsync<TxWriteValue, Result<int>>(new TxWriteValue("bản cũ"), async command =>
            {
                app.Db.Notes.Add(new TxNote { Id = 2, Text = "ghi trước đó" });
                var note = await app.Db.Notes.SingleAsync(n => n.Id == 1);
                app.Db.ExpectVersion(note, 0);
                note.Text = command.Text;
                await app.Db.SaveChangesAsync();
                return 1;
            });
            // A row created twice at the same moment (the same key): generic sentence.
            var twice = await app.SendAsync<TxWrite, Result>(new TxWrite("trùng"), async command =>
            {
                app.Db.Notes.Add(new TxNote { Id = 1, Text = command.Text });
                await app.Db.SaveChangesAsync();
                return Result.Ok();
            });

            Assert.Equal(ResultStatus.Conflict, stale.Status);
            Assert.Equal("Người khác vừa sửa ghi chú này.", stale.Message);
            Assert.Equal(ErrorCodes.ConcurrentChange, stale.Code);
            Assert.Equal(ResultStatus.Conflict, twice.Status);
            Assert.Equal(TransactionBehavior.ConcurrentChangeMessage, twice.Message);
            Assert.Equal(ErrorCodes.ConcurrentChange, twice.Code);
            Assert.Equal(new[] { "bản đầu" }, await app.NotesAsync());
        }

        [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
        public async Task Queries_and_commands_that_own_their_transaction_get_none(DatabaseKind kind)
        {
            await using var database = await TestDatabase.CreateAsync(kind);
            await using var app = await StartAsync(database);

            var own = await app.SendAsync<TxOwn, Result>(new TxOwn("tự lo"), async command =>
            {
                Assert.Null(app.Db.Database.CurrentTransaction);
                app.Db.Notes.Add(new TxNote { Id = 1, Text = command.Text });
                await app.Db.SaveChangesAsync();
                return Result.Invalid("Trả lỗi nhưng giữ bản ghi (như đếm lần sai mật khẩu)."); // kept: the handler decides
            });
            var read = await app.SendAsync<TxRead, Result>(new TxRead(), _ =>
            {
                Assert.Null(app.Db.Database.CurrentTransaction);
                return ValueTask.FromResult(Result.Ok());
            });

            Assert.True(own.IsFailure);
            Assert.True(read.IsSuccess);
            Assert.Equal(new[] { "tự lo" }, await app.NotesAsync());
        }

        [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
        public async Task A_command_of_another_module_inside_a_transaction_never_waits_for_its_lock(DatabaseKind kind)
        {
            await using var database = await TestDatabase.CreateAsync(kind);
            await using var app = await StartAsync(database);
            var started = System.Diagnostics.Stopwatch.StartNew();

            async ValueTask<Result> Outer(TxWrite command)
            {
                app.Db.Notes.Add(new TxNote { Id = 1, Text = command.Text });
                await app.Db.SaveChangesAsync();
                return await app.SendAsync<OtherWrite, Result>(new OtherWrite("mô-đun khác"), async other =>
                {
                    app.Other.Notes.Add(new TxNote { Id = 1, Text = other.Text });
                    await app.Other.SaveChangesAsync();
                    return Result.Ok();
                });
            }

            if (kind == DatabaseKind.Sqlite)
            {
                // One file: the other module's writes would wait for this transaction's write lock until the busy timeout.
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await app.SendAsync<TxWrite, Result>(new TxWrite("ngoài"), Outer));
                Assert.Contains("IOwnTransaction", refused.Message);
                Assert.Empty(await app.NotesAsync());
                Assert.Empty(await app.OtherNotesAsync());
            }
            else
            {
                Assert.True((await app.SendAsync<TxWrite, Result>(new TxWrite("ngoài"), Outer)).IsSuccess);
                Assert.Equal(new[] { "ngoài" }, await app.NotesAsync());
                Assert.Equal(new[] { "mô-đun khác" }, await app.OtherNotesAsync());
            }
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");

            // The way a coordinating command does it (ReceivePacket): no transaction of its own, each module's command commits.
            var coordinated = await app.SendAsync<TxOwn, Result>(new TxOwn("điều phối"), async _ =>
            {
                var first = await app.SendAsync<TxWrite, Result>(new TxWrite("một"), async command =>
                {
                    app.Db.Notes.Add(new TxNote { Id = 2, Text = command.Text });
                    await app.Db.SaveChangesAsync();
                    return Result.Ok();
                });
                var second = await app.SendAsync<OtherWrite, Result>(new OtherWrite("hai"), async other =>
                {
                    app.Other.Notes.Add(new TxNote { Id = 2, Text = other.Text });
                    await app.Other.SaveChangesAsync();
                    return Result.Ok();
                });
                return first.IsSuccess && second.IsSuccess ? Result.Ok() : Result.Conflict("?");
            });
            Assert.True(coordinated.IsSuccess);
            Assert.Contains("một", await app.NotesAsync());
            Assert.Contains("hai", await app.OtherNotesAsync());
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        }
    }
}

namespace BaoCao.TxOther
{
    /// <summary>A second module ("BaoCao.TxOther") with its own context and connection, on the same database.</summary>
    public sealed class OtherDbContext(DbContextOptions<OtherDbContext> options) : ModuleDbContext(options, "txother")
    {
        public DbSet<BaoCao.Tests.Foundation.TxNote> Notes => Set<BaoCao.Tests.Foundation.TxNote>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<BaoCao.Tests.Foundation.TxNote>().ToTable("OtherNotes");
    }

    public sealed record OtherWrite(string Text) : ICommand<Result>;
}
