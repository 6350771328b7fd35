using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Workflow.Persistence;

internal class WorkflowDbContext(DbContextOptions options) : ModuleDbContext(options, WorkflowModule.SchemaName)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class WorkflowSqliteDbContext(DbContextOptions<WorkflowSqliteDbContext> options) : WorkflowDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class WorkflowPostgreSqlDbContext(DbContextOptions<WorkflowPostgreSqlDbContext> options) : WorkflowDbContext(options);
