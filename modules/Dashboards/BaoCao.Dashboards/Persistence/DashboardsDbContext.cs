using BaoCao.Dashboards.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Dashboards.Persistence;

internal class DashboardsDbContext(DbContextOptions options) : ModuleDbContext(options, DashboardsModule.SchemaName)
{
    public DbSet<Point> Points => Set<Point>();
    public DbSet<PublishedPoint> PublishedPoints => Set<PublishedPoint>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<Dashboard> Dashboards => Set<Dashboard>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardsDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class DashboardsSqliteDbContext(DbContextOptions<DashboardsSqliteDbContext> options) : DashboardsDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class DashboardsPostgreSqlDbContext(DbContextOptions<DashboardsPostgreSqlDbContext> options) : DashboardsDbContext(options);
