using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>What the host needs to know about one module's database: its schema and the context type in use.</summary>
public sealed record ModuleDatabase(string Schema, Type ContextType)
{
    public ModuleDbContext Open(IServiceProvider scopedServices) => (ModuleDbContext)scopedServices.GetRequiredService(ContextType);
}

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's context for the configured provider. Handlers inject <typeparamref name="TContext"/>;
    /// the provider subclasses exist only so each provider has its own migrations. Contexts are pooled: a new context
    /// and its options cost ≈ 42 KB of allocations per request, a pooled one ≈ 0.5 KB (they hold no per-request state;
    /// EF resets the change tracker on return).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgreSql>(
        this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        var database = services.GetDatabaseOptions(configuration);
        if (database.IsSqlite)
        {
            services.AddDbContextPool<TSqlite>(options => WithModuleDefaults(options).UseSqlite(database.ConnectionString,
                sqlite => sqlite.MigrationsHistoryTable($"{schema}___EFMigrationsHistory")));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TSqlite>());
            services.AddSingleton(new ModuleDatabase(schema, typeof(TSqlite)));
        }
        else
        {
            services.AddDbContextPool<TPostgreSql>(options => WithModuleDefaults(options).UseNpgsql(PreparingStatements(database.ConnectionString),
                npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema)));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgreSql>());
            services.AddSingleton(new ModuleDatabase(schema, typeof(TPostgreSql)));
        }
        return services;
    }

    // A module without entity configurations yet is normal, not worth a warning at every start; node caches a save makes
    // stale are cleared again when its transaction ends.
    private static DbContextOptionsBuilder WithModuleDefaults(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.NoEntityTypeConfigurationsWarning))
            .AddInterceptors(ClearCachesAtTransactionEnd.Instance);

    /// <summary>The same queries run on every request: PostgreSQL parses and plans each one once per connection instead of
    /// every time (the data-entry read serves about a third more per second). A connection string that sets
    /// <c>Max Auto Prepare</c> itself (0 turns it off) is left as it is.</summary>
    internal static string PreparingStatements(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: ask the plain one.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50 }.ConnectionString;
    }

    /// <summary>The options the host registered (read once from configuration).</summary>
    public static DatabaseOptions GetDatabaseOptions(this IServiceCollection services, IConfiguration configuration)
    {
        var registered = services.FirstOrDefault(d => d.ServiceType == typeof(DatabaseOptions))?.ImplementationInstance as DatabaseOptions;
        if (registered is not null)
            return registered;
        var options = DatabaseOptions.From(configuration, Directory.GetCurrentDirectory());
        services.TryAddSingleton(options);
        return options;
    }
}
