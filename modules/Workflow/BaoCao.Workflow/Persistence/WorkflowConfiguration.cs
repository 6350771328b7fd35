using BaoCao.SharedKernel.Persistence;
using BaoCao.Workflow.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Workflow.Persistence;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.ToTable("Submissions");
        submission.HasKey(s => s.Id);
        submission.Property(s => s.Id).ValueGeneratedNever();
        submission.Property(s => s.FormCode).HasMaxLength(64);
        submission.Property(s => s.UnitCode).HasMaxLength(64);
        submission.Property(s => s.Period).HasMaxLength(32);
        submission.HasIndex(s => new { s.FormCode, s.UnitCode, s.Period }).IsUnique();
        submission.HasIndex(s => new { s.State, s.Period });
        submission.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        submission.Property(s => s.Reason).HasMaxLength(2000);
        submission.Property(s => s.SubmittedBy).HasMaxLength(256);
        submission.Property(s => s.DecidedBy).HasMaxLength(256);
    }
}

internal sealed class ApprovedValueConfiguration : IEntityTypeConfiguration<ApprovedValue>
{
    public void Configure(EntityTypeBuilder<ApprovedValue> value)
    {
        value.ToTable("ApprovedValues");
        value.HasKey(v => v.Sequence);
        value.Property(v => v.Sequence).ValueGeneratedNever();
        value.Property(v => v.FormCode).HasMaxLength(64);
        value.Property(v => v.UnitCode).HasMaxLength(64);
        value.Property(v => v.Period).HasMaxLength(32);
        value.Property(v => v.Indicator).HasMaxLength(64);
        value.Property(v => v.Column).HasMaxLength(16);
        value.Property(v => v.Disaggregation).HasMaxLength(200);
        value.Property(v => v.Number).HasPrecision(28, 8);
        value.Property(v => v.Text).HasMaxLength(4000);
        value.HasIndex(v => new { v.FormCode, v.UnitCode, v.Period, v.Indicator, v.Column, v.Disaggregation, v.Sequence });
    }
}

internal sealed class SequenceCounterConfiguration : IEntityTypeConfiguration<SequenceCounter>
{
    public void Configure(EntityTypeBuilder<SequenceCounter> counter)
    {
        counter.ToTable("Counters");
        counter.HasKey(c => c.Name);
        counter.Property(c => c.Name).HasMaxLength(32);
        counter.Property(c => c.Value).IsConcurrencyToken();
        counter.HasData(new SequenceCounter { Name = Counters.Approved, Value = 0 }, new SequenceCounter { Name = Counters.Audit, Value = 0 });
    }
}

internal static class Counters
{
    public const string Approved = "approved";
    public const string Audit = "audit";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditTrail");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.By).HasMaxLength(256);
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.Property(e => e.Kind).HasMaxLength(64);
        entry.Property(e => e.Subject).HasMaxLength(300);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => new { e.Subject, e.At });
    }
}

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> processed)
    {
        processed.ToTable("ProcessedEvents");
        processed.HasKey(p => p.Id);
        processed.Property(p => p.Id).ValueGeneratedNever();
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.RegimeCode).HasMaxLength(64);
        report.Property(r => r.UnitCode).HasMaxLength(64);
        report.Property(r => r.Period).HasMaxLength(32);
        report.HasIndex(r => new { r.RegimeCode, r.UnitCode, r.Period }).IsUnique();
        report.HasIndex(r => new { r.ReceivingUnit, r.State });
        report.Property(r => r.ReceivingUnit).HasMaxLength(64);
        report.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        report.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        report.Property(r => r.Narrative).AsJson();
        report.Property(r => r.Tables).AsJson();
        report.Property(r => r.Incomplete).AsJson();
        report.Property(r => r.Reason).HasMaxLength(2000);
        report.Property(r => r.CreatedBy).HasMaxLength(256);
        report.Property(r => r.SubmittedBy).HasMaxLength(256);
        report.Property(r => r.DecidedBy).HasMaxLength(256);
        report.Property(r => r.SentBy).HasMaxLength(256);
        report.Property(r => r.ReceivedBy).HasMaxLength(256);
        report.Ignore(r => r.Editable);
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> version)
    {
        version.ToTable("ReportVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.Id).ValueGeneratedNever();
        // Two people acting at once cannot both write version n: the second gets a conflict.
        version.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        version.Property(v => v.Action).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.Source).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.By).HasMaxLength(256);
        version.Property(v => v.Reason).HasMaxLength(2000);
        version.Property(v => v.Narrative).AsJson();
        version.Property(v => v.Tables).AsJson();
        version.Property(v => v.Incomplete).AsJson();
        version.Property(v => v.Attachments).AsJson();
        version.Property(v => v.SubmittedBy).HasMaxLength(256);
        version.Property(v => v.DecidedBy).HasMaxLength(256);
        version.Property(v => v.SentBy).HasMaxLength(256);
        version.Property(v => v.ReceivedBy).HasMaxLength(256);
        version.Ignore(v => v.SeenByReceiver);
    }
}

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> attachment)
    {
        attachment.ToTable("ReportAttachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.HasIndex(a => a.ReportId);
        attachment.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(128);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.Recipient).HasMaxLength(256);
        notification.HasIndex(n => new { n.Recipient, n.CreatedAt });
        notification.Property(n => n.Title).HasMaxLength(300);
        notification.Property(n => n.Body).HasMaxLength(4000);
        notification.Property(n => n.Link).HasMaxLength(500);
        notification.Property(n => n.EmailStatus).HasConversion<string>().HasMaxLength(16);
        notification.Property(n => n.EmailError).HasMaxLength(1000);
    }
}

internal sealed class SubmissionCommentConfiguration : IEntityTypeConfiguration<SubmissionComment>
{
    public void Configure(EntityTypeBuilder<SubmissionComment> comment)
    {
        comment.ToTable("SubmissionComments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.Id).ValueGeneratedNever();
        comment.Property(c => c.FormCode).HasMaxLength(64);
        comment.Property(c => c.UnitCode).HasMaxLength(64);
        comment.Property(c => c.Period).HasMaxLength(32);
        comment.HasIndex(c => new { c.FormCode, c.UnitCode, c.Period, c.At });
        comment.Property(c => c.By).HasMaxLength(256);
        comment.Property(c => c.Text).HasMaxLength(4000);
    }
}

internal sealed class ReconciliationConfiguration : IEntityTypeConfiguration<Reconciliation>
{
    public void Configure(EntityTypeBuilder<Reconciliation> reconciliation)
    {
        reconciliation.ToTable("Reconciliations");
        reconciliation.HasKey(r => r.Id);
        reconciliation.Property(r => r.Source).HasMaxLength(300);
        reconciliation.Property(r => r.RunBy).HasMaxLength(256);
        reconciliation.Property(r => r.Findings).AsJson();
        reconciliation.HasIndex(r => r.RunAt);
    }
}

internal sealed class OutboundPacketConfiguration : IEntityTypeConfiguration<OutboundPacket>
{
    public void Configure(EntityTypeBuilder<OutboundPacket> packet)
    {
        packet.ToTable("OutboundPackets");
        packet.HasKey(p => p.Id);
        packet.Property(p => p.Destination).HasMaxLength(64);
        packet.Property(p => p.Type).HasMaxLength(64);
        packet.Property(p => p.Code).HasMaxLength(64);
        packet.Property(p => p.UnitCode).HasMaxLength(64);
        packet.Property(p => p.Period).HasMaxLength(32);
        packet.Property(p => p.PacketId).HasMaxLength(64);
        packet.Property(p => p.LastError).HasMaxLength(2000);
        packet.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        packet.Ignore(p => p.Subject);
        packet.HasIndex(p => new { p.Destination, p.Type, p.Cause }).IsUnique();
        packet.HasIndex(p => new { p.State, p.NextAttemptAt });
        packet.HasIndex(p => p.CreatedAt);
    }
}
