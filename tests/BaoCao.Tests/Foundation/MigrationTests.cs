using System.Reflection;
using BaoCao.SharedKernel.Persistence;
using BaoCao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Foundation;

/// <summary>
/// The migrations cannot drift from the model: every module's model is covered by its migrations on both providers,
/// the database they build is the one the model describes, and they live where <c>build/add-migration.sh</c> writes them
/// (docs: build/docs/decisions/squashed-migrations.md).
/// </summary>
public sealed class MigrationTests
{
    private static readonly string[] Providers = ["Sqlite", "PostgreSql"];

    /// <summary>Objects that migrations create by hand (<c>migrationBuilder.Sql</c>) and the model cannot describe, as they
    /// appear in <see cref="SchemaAsync"/> (e.g. "index forms.IX_…"). None today.</summary>
    private static readonly HashSet<string> HandWritten = [];

    private static readonly Dictionary<string, string?> WithoutDemo = new() { ["Demo:Seed"] = "false" };

    private static readonly Dictionary<string, string?> NotMigrated = new()
    {
        ["Database:MigrateOnStartup"] = "false", ["Outbox:Enabled"] = "false", ["Demo:Seed"] = "false",
    };

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_module_model_is_covered_by_its_migrations(DatabaseKind kind)
    {
        // Not migrated at start-up: EF Core refuses to migrate a model with pending changes, without naming the script.
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = BaoCaoApp.StartOn(database, NotMigrated);
        var modules = app.Services.GetServices<ModuleDatabase>().ToList();
        Assert.Equal(ModuleNames().Length, modules.Count);

        var drifted = new List<string>();
        foreach (var module in modules)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var name = ModuleName(module.ContextType);
            if (module.Open(scope.ServiceProvider).Database.HasPendingModelChanges())
                drifted.Add($"{name}: the {kind} model of {module.ContextType.Name} has changes that no migration covers. " +
                    $"Run build/add-migration.sh {name} <Name> (it writes the migration for SQLite and PostgreSQL) and commit both.");
        }
        Assert.True(drifted.Count == 0, string.Join(Environment.NewLine, drifted));

        await app.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(CancellationToken.None);
        foreach (var module in modules)
        {
            var pending = await app.InScopeAsync(async sp => (await module.Open(sp).Database.GetPendingMigrationsAsync()).ToList());
            Assert.True(pending.Count == 0, $"{ModuleName(module.ContextType)}: not applied by the migrator: {string.Join(", ", pending)}.");
        }
    }

    /// <summary>Migrations are code a developer may edit: the tables, columns, keys and indexes they build must be exactly
    /// the ones EF Core would create from the model itself.</summary>
    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_migrated_database_is_the_one_the_model_describes(DatabaseKind kind)
    {
        await using var migrated = await BaoCaoApp.StartAsync(kind, WithoutDemo);
        await using var empty = await TestDatabase.CreateAsync(kind);
        await using var fromModel = BaoCaoApp.StartOn(empty, NotMigrated);
        foreach (var module in fromModel.Services.GetServices<ModuleDatabase>())
            await fromModel.InScopeAsync(sp => module.Open(sp).GetService<IRelationalDatabaseCreator>().CreateTablesAsync());

        var expected = await SchemaAsync(fromModel, kind);
        var actual = await SchemaAsync(migrated, kind);

        Assert.NotEmpty(expected);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).Where(o => !HandWritten.Contains(o)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The {kind} database built by the migrations differs from the model. Do not edit generated migration code; " +
            "change the model and run build/add-migration.sh <Module> <Name>." + Environment.NewLine +
            $"Missing: {string.Join(Environment.NewLine + "  ", missing.Prepend(""))}" + Environment.NewLine +
            $"Not in the model: {string.Join(Environment.NewLine + "  ", extra.Prepend(""))}");
    }

    [Fact]
    public void Each_module_keeps_its_migrations_where_build_add_migration_sh_writes_them()
    {
        var root = RepositoryRoot();
        // The script's conventions, which the checks below hold every module to.
        var script = File.ReadAllText(Path.Combine(root, "build", "add-migration.sh"));
        Assert.Contains("add Sqlite \"${module}SqliteDbContext\" Sqlite", script);
        Assert.Contains("add PostgreSql \"${module}PostgreSqlDbContext\" PostgreSql", script);
        Assert.Contains("--output-dir \"Persistence/Migrations/$3\"", script);
        Assert.Contains("s/^    public partial class /    internal partial class /", script);

        var problems = new List<string>();
        foreach (var module in ModuleNames())
        {
            var assembly = Assembly.Load($"BaoCao.{module}");
            var folder = Path.Combine(root, "modules", module, $"BaoCao.{module}", "Persistence", "Migrations");
            var names = new Dictionary<string, List<string>>();
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var provider in Providers)
            {
                var contextName = $"BaoCao.{module}.Persistence.{module}{provider}DbContext";
                var context = assembly.GetType(contextName);
                if (context is null || !typeof(DbContext).IsAssignableFrom(context))
                {
                    problems.Add($"{module}: no {contextName}; build/add-migration.sh passes --context {module}{provider}DbContext.");
                    continue;
                }
                var ownNamespace = $"BaoCao.{module}.Persistence.Migrations.{provider}";
                var types = assembly.GetTypes().Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context).ToList();
                var migrations = types.Where(t => typeof(Migration).IsAssignableFrom(t)).ToList();
                var snapshots = types.Where(t => typeof(ModelSnapshot).IsAssignableFrom(t)).ToList();
                if (migrations.Count == 0)
                    problems.Add($"{module}: {context.Name} has no migration.");
                if (snapshots.Count != 1)
                    problems.Add($"{module}: {context.Name} has {snapshots.Count} model snapshots instead of one.");
                names[provider] = [];
                foreach (var type in migrations.Concat(snapshots))
                {
                    var file = type.GetCustomAttribute<MigrationAttribute>()?.Id ?? type.Name;
                    known.Add(Path.Combine(folder, provider, file + ".cs"));
                    if (type.Namespace != ownNamespace)
                        problems.Add($"{module}: {type.FullName} is not in {ownNamespace} (folder Persistence/Migrations/{provider}).");
                    if (type.IsPublic)
                        problems.Add($"{module}: {type.FullName} is public; module types are internal.");
                    if (!File.Exists(Path.Combine(folder, provider, file + ".cs")))
                        problems.Add($"{module}: {file}.cs is not in Persistence/Migrations/{provider}.");
                    if (typeof(Migration).IsAssignableFrom(type))
                    {
                        known.Add(Path.Combine(folder, provider, file + ".Designer.cs"));
                        names[provider].Add(file[(file.IndexOf('_') + 1)..]);
                    }
                }
            }
            if (names.Count == Providers.Length && !names["Sqlite"].Order().SequenceEqual(names["PostgreSql"].Order()))
                problems.Add($"{module}: SQLite has migrations [{string.Join(", ", names["Sqlite"].Order())}], PostgreSQL " +
                    $"[{string.Join(", ", names["PostgreSql"].Order())}]; build/add-migration.sh adds each to both.");
            if (Directory.Exists(folder))
                foreach (var stray in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !known.Contains(f)))
                    problems.Add($"{module}: {Path.GetRelativePath(root, stray)} is no migration of {module}SqliteDbContext or {module}PostgreSqlDbContext.");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string ModuleName(Type contextType) => contextType.Assembly.GetName().Name!["BaoCao.".Length..];

    private static string[] ModuleNames() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot(), "modules")).Select(d => Path.GetFileName(d))
            .Where(m => File.Exists(Path.Combine(RepositoryRoot(), "modules", m, $"BaoCao.{m}", $"BaoCao.{m}.csproj"))).Order().ToArray();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BaoCao.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("BaoCao.sln not found above the test assembly.");
    }

    /// <summary>Every table's columns (type, nullability, default), keys, foreign keys and indexes in the modules' schemas
    /// (SQLite: table prefixes), one line each; the migrations history tables left out.</summary>
    private static async Task<SortedSet<string>> SchemaAsync(BaoCaoApp app, DatabaseKind kind)
    {
        var schemas = app.Services.GetServices<ModuleDatabase>().Select(m => m.Schema).ToList();
        var sql = kind == DatabaseKind.Sqlite
            ? $"""
              WITH t AS (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%EFMigrationsHistory'
                           AND ({string.Join(" OR ", schemas.Select(s => $"name LIKE '{s}\\_%' ESCAPE '\\'"))}))
              SELECT 'column ' || t.name || '.' || c.name || ' ' || c.type || CASE WHEN c."notnull" THEN ' not null' ELSE '' END
                     || coalesce(' default ' || c.dflt_value, '') || CASE WHEN c.pk > 0 THEN ' key ' || c.pk ELSE '' END AS "Value"
                FROM t, pragma_table_info(t.name) c
              UNION ALL
              SELECT 'index ' || t.name || '.' || i.name || CASE WHEN i."unique" THEN ' unique' ELSE '' END || ' ('
                     || (SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info(i.name) ORDER BY seqno)) || ')'
                     || coalesce(' ' || substr(s.sql, instr(s.sql, ' WHERE ')), '')
                FROM t, pragma_index_list(t.name) i LEFT JOIN sqlite_master s ON s.name = i.name AND instr(s.sql, ' WHERE ') > 0
              UNION ALL
              SELECT 'foreign key ' || t.name || '.' || f."from" || ' -> ' || f."table" || '.' || coalesce(f."to", '?') || ' on delete ' || f.on_delete
                FROM t, pragma_foreign_key_list(t.name) f
              """
            : $"""
              WITH n AS (SELECT oid FROM pg_namespace WHERE nspname IN ({string.Join(", ", schemas.Select(s => $"'{s}'"))})),
                   t AS (SELECT c.oid FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM n) AND c.relkind IN ('r', 'p')
                           AND c.relname <> '__EFMigrationsHistory')
              SELECT format('column %s.%s %s%s%s%s', a.attrelid::regclass, a.attname, format_type(a.atttypid, a.atttypmod),
                            CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ' default ' || pg_get_expr(d.adbin, d.adrelid),
                            CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END) AS "Value"
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
               WHERE a.attrelid IN (SELECT oid FROM t) AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM t)
              UNION ALL
              SELECT format('constraint %s.%s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c WHERE c.conrelid IN (SELECT oid FROM t)
              """;
        var lines = await app.InScopeAsync(sp => app.Services.GetServices<ModuleDatabase>().First().Open(sp).Database.SqlQueryRaw<string>(sql).ToListAsync());
        return new SortedSet<string>(lines, StringComparer.Ordinal);
    }
}
