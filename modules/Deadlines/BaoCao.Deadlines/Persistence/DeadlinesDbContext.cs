using BaoCao.Deadlines.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Deadlines.Persistence;

internal class DeadlinesDbContext(DbContextOptions options) : ModuleDbContext(options, DeadlinesModule.SchemaName)
{
    public DbSet<UsageEvent> UsageEvents => Set<UsageEvent>();
    public DbSet<OfficialDay> OfficialDays => Set<OfficialDay>();
    public DbSet<ExpectedReport> ExpectedReports => Set<ExpectedReport>();
    public DbSet<ReminderPolicy> ReminderPolicies => Set<ReminderPolicy>();
    public DbSet<ReminderTemplate> ReminderTemplates => Set<ReminderTemplate>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<ReminderDigest> ReminderDigests => Set<ReminderDigest>();
    public DbSet<ComplianceReport> ComplianceReports => Set<ComplianceReport>();
    public DbSet<ComplianceGeneration> ComplianceGenerations => Set<ComplianceGeneration>();
    public DbSet<ReceptionWindow> ReceptionWindows => Set<ReceptionWindow>();
    public DbSet<UsageReport> UsageReports => Set<UsageReport>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DeadlinesDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class DeadlinesSqliteDbContext(DbContextOptions<DeadlinesSqliteDbContext> options) : DeadlinesDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class DeadlinesPostgreSqlDbContext(DbContextOptions<DeadlinesPostgreSqlDbContext> options) : DeadlinesDbContext(options);
