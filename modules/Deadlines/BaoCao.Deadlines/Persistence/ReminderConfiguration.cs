using BaoCao.Deadlines.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Deadlines.Persistence;

internal sealed class ExpectedReportConfiguration : IEntityTypeConfiguration<ExpectedReport>
{
    public void Configure(EntityTypeBuilder<ExpectedReport> expected)
    {
        expected.ToTable("ExpectedReports");
        expected.HasKey(e => e.Id);
        expected.Property(e => e.Id).ValueGeneratedNever();
        expected.Property(e => e.RegimeCode).HasMaxLength(64);
        expected.Property(e => e.UnitCode).HasMaxLength(64);
        expected.Property(e => e.Period).HasMaxLength(32);
        expected.HasIndex(e => new { e.RegimeCode, e.Period, e.UnitCode }).IsUnique();
        expected.HasIndex(e => e.DueDate);
    }
}

internal sealed class ReminderPolicyConfiguration : IEntityTypeConfiguration<ReminderPolicy>
{
    public void Configure(EntityTypeBuilder<ReminderPolicy> policy)
    {
        policy.ToTable("ReminderPolicies");
        policy.HasKey(p => p.RegimeCode);
        policy.Property(p => p.RegimeCode).HasMaxLength(64);
        policy.Property(p => p.Steps).AsJson();
    }
}

internal sealed class ReminderTemplateConfiguration : IEntityTypeConfiguration<ReminderTemplate>
{
    public void Configure(EntityTypeBuilder<ReminderTemplate> template)
    {
        template.ToTable("ReminderTemplates");
        template.HasKey(t => t.Id);
        template.Property(t => t.Id).ValueGeneratedNever();
        template.Property(t => t.Subject).HasMaxLength(300);
        template.Property(t => t.Body).HasMaxLength(8000);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> delivery)
    {
        delivery.ToTable("ReminderDeliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.Property(d => d.RegimeCode).HasMaxLength(64);
        delivery.Property(d => d.UnitCode).HasMaxLength(64);
        delivery.Property(d => d.Period).HasMaxLength(32);
        delivery.Property(d => d.Recipient).HasMaxLength(256);
        // The exactly-once key: a second insert of the same step for the same report and recipient fails.
        delivery.HasIndex(d => new { d.Step, d.RegimeCode, d.UnitCode, d.Period, d.Recipient }).IsUnique();
        delivery.HasIndex(d => new { d.Period, d.CreatedAt });
        delivery.HasIndex(d => d.DigestId);
    }
}

internal sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigest>
{
    public void Configure(EntityTypeBuilder<ReminderDigest> digest)
    {
        digest.ToTable("ReminderDigests");
        digest.HasKey(d => d.Id);
        digest.Property(d => d.Id).ValueGeneratedNever();
        digest.Property(d => d.Recipient).HasMaxLength(256);
        digest.Property(d => d.Subject).HasMaxLength(300);
        digest.Property(d => d.Body).HasMaxLength(100_000);
        digest.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        digest.Property(d => d.LastError).HasMaxLength(1000);
        digest.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}

internal sealed class ComplianceReportConfiguration : IEntityTypeConfiguration<ComplianceReport>
{
    public void Configure(EntityTypeBuilder<ComplianceReport> report)
    {
        report.ToTable("ComplianceReports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.Period).HasMaxLength(16);
        report.HasIndex(r => r.Period).IsUnique();
        report.Property(r => r.Figures).AsJson();
        report.Property(r => r.GeneratedBy).HasMaxLength(256);
        report.Property(r => r.EmailStatus).HasMaxLength(1000);
    }
}

internal sealed class ComplianceGenerationConfiguration : IEntityTypeConfiguration<ComplianceGeneration>
{
    public void Configure(EntityTypeBuilder<ComplianceGeneration> generation)
    {
        generation.ToTable("ComplianceGenerations");
        generation.HasKey(g => new { g.Period, g.Generation });
        generation.Property(g => g.Period).HasMaxLength(16);
        generation.Property(g => g.Figures).AsJson();
        generation.Property(g => g.GeneratedBy).HasMaxLength(256);
        generation.Property(g => g.EmailStatus).HasMaxLength(1000);
    }
}

internal sealed class ReceptionWindowConfiguration : IEntityTypeConfiguration<ReceptionWindow>
{
    public void Configure(EntityTypeBuilder<ReceptionWindow> window)
    {
        window.ToTable("ReceptionWindows");
        window.HasKey(w => new { w.RegimeCode, w.Period });
        window.Property(w => w.RegimeCode).HasMaxLength(64);
        window.Property(w => w.Period).HasMaxLength(32);
        window.Property(w => w.SetBy).HasMaxLength(256);
    }
}

internal sealed class UsageReportConfiguration : IEntityTypeConfiguration<UsageReport>
{
    public void Configure(EntityTypeBuilder<UsageReport> report)
    {
        report.ToTable("UsageReports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.Period).HasMaxLength(16);
        report.HasIndex(r => r.Period).IsUnique();
        report.Property(r => r.Figures).AsJson();
        report.Property(r => r.GeneratedBy).HasMaxLength(256);
    }
}
