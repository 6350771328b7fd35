using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Indicators.Persistence;

internal class IndicatorsDbContext(DbContextOptions options) : ModuleDbContext(options, IndicatorsModule.SchemaName)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndicatorsDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class IndicatorsSqliteDbContext(DbContextOptions<IndicatorsSqliteDbContext> options) : IndicatorsDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class IndicatorsPostgreSqlDbContext(DbContextOptions<IndicatorsPostgreSqlDbContext> options) : IndicatorsDbContext(options);
