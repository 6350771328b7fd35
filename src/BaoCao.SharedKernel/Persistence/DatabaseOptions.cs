using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BaoCao.SharedKernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary><c>Database:Provider</c> (Sqlite by default), <c>ConnectionStrings:BaoCao</c>,
/// <c>Database:MigrateOnStartup</c> (true by default).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(providerName) ? nameof(DatabaseProvider.Sqlite) : providerName, ignoreCase: true, out var provider))
            throw new InvalidOperationException(
                $"Database:Provider = '{providerName}' is not supported: use 'Sqlite' (embedded, the default) or 'PostgreSql'.");

        var connectionString = configuration.GetConnectionString("BaoCao");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
                throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:BaoCao is empty.");
            var file = Path.Combine(contentRoot, "data", "baocao.db");
            connectionString = $"Data Source={file}";
        }
        var migrate = !bool.TryParse(configuration["Database:MigrateOnStartup"], out var m) || m;
        return new DatabaseOptions(provider, connectionString, migrate);
    }

    public static DatabaseOptions From(IConfiguration configuration, IHostEnvironment environment) =>
        From(configuration, environment.ContentRootPath);
}
