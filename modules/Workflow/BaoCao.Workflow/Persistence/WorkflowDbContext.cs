using BaoCao.SharedKernel.Persistence;
using BaoCao.Workflow.Domain;

namespace BaoCao.Workflow.Persistence;

internal class WorkflowDbContext(DbContextOptions options) : ModuleDbContext(options, WorkflowModule.SchemaName)
{
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<ApprovedValue> ApprovedValues => Set<ApprovedValue>();
    public DbSet<SequenceCounter> Counters => Set<SequenceCounter>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SubmissionComment> SubmissionComments => Set<SubmissionComment>();
    public DbSet<Reconciliation> Reconciliations => Set<Reconciliation>();
    public DbSet<OutboundPacket> OutboundPackets => Set<OutboundPacket>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class WorkflowSqliteDbContext(DbContextOptions<WorkflowSqliteDbContext> options) : WorkflowDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class WorkflowPostgreSqlDbContext(DbContextOptions<WorkflowPostgreSqlDbContext> options) : WorkflowDbContext(options);
