using BaoCao.Forms.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Forms.Persistence;

internal class FormsDbContext(DbContextOptions options) : ModuleDbContext(options, FormsModule.SchemaName)
{
    public DbSet<Regime> Regimes => Set<Regime>();
    public DbSet<FormDesign> Forms => Set<FormDesign>();
    public DbSet<FormVersion> FormVersions => Set<FormVersion>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<DataValue> DataValues => Set<DataValue>();
    public DbSet<DataValueChange> DataValueChanges => Set<DataValueChange>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FormsDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class FormsSqliteDbContext(DbContextOptions<FormsSqliteDbContext> options) : FormsDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class FormsPostgreSqlDbContext(DbContextOptions<FormsPostgreSqlDbContext> options) : FormsDbContext(options);
