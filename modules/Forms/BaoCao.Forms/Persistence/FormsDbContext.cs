using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Forms.Persistence;

internal class FormsDbContext(DbContextOptions options) : ModuleDbContext(options, FormsModule.SchemaName)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FormsDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class FormsSqliteDbContext(DbContextOptions<FormsSqliteDbContext> options) : FormsDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class FormsPostgreSqlDbContext(DbContextOptions<FormsPostgreSqlDbContext> options) : FormsDbContext(options);
