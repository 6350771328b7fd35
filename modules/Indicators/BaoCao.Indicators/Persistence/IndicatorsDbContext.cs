using BaoCao.Indicators.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Indicators.Persistence;

internal class IndicatorsDbContext(DbContextOptions options) : ModuleDbContext(options, IndicatorsModule.SchemaName)
{
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorVersion> IndicatorVersions => Set<IndicatorVersion>();
    public DbSet<UnitOfMeasure> UnitsOfMeasure => Set<UnitOfMeasure>();
    public DbSet<IndicatorGroup> Groups => Set<IndicatorGroup>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<ValidationRule> ValidationRules => Set<ValidationRule>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndicatorsDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class IndicatorsSqliteDbContext(DbContextOptions<IndicatorsSqliteDbContext> options) : IndicatorsDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class IndicatorsPostgreSqlDbContext(DbContextOptions<IndicatorsPostgreSqlDbContext> options) : IndicatorsDbContext(options);
