using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Forms.Persistence;

internal sealed class RegimeConfiguration : IEntityTypeConfiguration<Regime>
{
    public void Configure(EntityTypeBuilder<Regime> regime)
    {
        regime.ToTable("Regimes");
        regime.HasKey(r => r.Id);
        regime.Property(r => r.Id).ValueGeneratedNever();
        regime.Property(r => r.Code).HasMaxLength(64);
        regime.HasIndex(r => r.Code).IsUnique();
        regime.Property(r => r.Name).HasMaxLength(500);
        regime.Property(r => r.Content).HasMaxLength(4000);
        regime.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        regime.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(16);
        regime.Property(r => r.PeriodRule).HasMaxLength(16);
        regime.Property(r => r.ReportingUnitCodes).HasMaxLength(8000);
        regime.Property(r => r.ReportingUnitKinds).HasMaxLength(500);
        regime.Property(r => r.ReportingSubtree).HasMaxLength(64);
        regime.Property(r => r.ReceivingUnit).HasMaxLength(64);
        regime.Property(r => r.OwnerUnit).HasMaxLength(64);
        regime.Property(r => r.SendingMethod).HasMaxLength(1000);
        regime.Property(r => r.Guidance).HasMaxLength(8000);
        regime.Property(r => r.LateSubmission).HasConversion<string>().HasMaxLength(16);
        regime.Property(r => r.Outline).AsJson();
        regime.Property(r => r.Rounds).AsJson();
        regime.Property(r => r.Tables).AsJson();
        regime.Ignore(r => r.Terms);
        regime.Ignore(r => r.UnitCodes);
        regime.Ignore(r => r.UnitKinds);
    }
}

internal sealed class FormDesignConfiguration : IEntityTypeConfiguration<FormDesign>
{
    public void Configure(EntityTypeBuilder<FormDesign> form)
    {
        form.ToTable("Forms");
        form.HasKey(f => f.Id);
        form.Property(f => f.Id).ValueGeneratedNever();
        form.Property(f => f.Code).HasMaxLength(64);
        form.HasIndex(f => f.Code).IsUnique();
        form.Property(f => f.Name).HasMaxLength(500);
        form.Property(f => f.RegimeCode).HasMaxLength(64);
        form.HasIndex(f => f.RegimeCode);
        form.Property(f => f.OwnerUnit).HasMaxLength(64);
        form.Ignore(f => f.Published);
        form.Ignore(f => f.Draft);
        form.Ignore(f => f.Latest);
        form.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FormId).OnDelete(DeleteBehavior.Cascade);
        form.Navigation(f => f.Versions).AutoInclude();
    }
}

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> version)
    {
        version.ToTable("FormVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasIndex(v => new { v.FormId, v.Number }).IsUnique();
        version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.PublishedBy).HasMaxLength(256);
        version.Property(v => v.Layout).AsJson();
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.ToTable("Assignments");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.Id).ValueGeneratedNever();
        assignment.Property(a => a.FormCode).HasMaxLength(64);
        assignment.Property(a => a.UnitCode).HasMaxLength(64);
        assignment.HasIndex(a => new { a.FormCode, a.UnitCode });
        assignment.HasIndex(a => a.UnitCode);
    }
}

internal sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> value)
    {
        value.ToTable("DataValues");
        value.HasKey(v => v.Id);
        value.Property(v => v.Id).ValueGeneratedNever();
        value.Property(v => v.FormCode).HasMaxLength(64);
        value.Property(v => v.UnitCode).HasMaxLength(64);
        value.Property(v => v.Period).HasMaxLength(32);
        value.Property(v => v.Indicator).HasMaxLength(64);
        value.Property(v => v.Column).HasMaxLength(16);
        value.Property(v => v.Disaggregation).HasMaxLength(200);
        value.Property(v => v.Number).HasPrecision(28, 8);
        value.Property(v => v.Text).HasMaxLength(4000);
        value.Property(v => v.Comment).HasMaxLength(2000);
        value.Property(v => v.UpdatedBy).HasMaxLength(256);
        // One cell, one row: concurrent first writes of the same cell collide here instead of duplicating it.
        value.HasIndex(v => new { v.FormCode, v.UnitCode, v.Period, v.Indicator, v.Column, v.Disaggregation }).IsUnique();
        value.HasIndex(v => new { v.UnitCode, v.Indicator, v.Period });
    }
}

internal sealed class DataValueChangeConfiguration : IEntityTypeConfiguration<DataValueChange>
{
    public void Configure(EntityTypeBuilder<DataValueChange> change)
    {
        change.ToTable("DataValueChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.Before).HasMaxLength(4000);
        change.Property(c => c.After).HasMaxLength(4000);
        change.Property(c => c.Comment).HasMaxLength(2000);
        change.Property(c => c.By).HasMaxLength(256);
        change.Property(c => c.Source).HasMaxLength(16);
        change.HasIndex(c => new { c.DataValueId, c.At });
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.ToTable("IdempotentRequests");
        request.HasKey(r => new { r.UserName, r.Key });
        request.Property(r => r.Key).HasMaxLength(200);
        request.Property(r => r.UserName).HasMaxLength(256);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.HasIndex(r => r.At);
    }
}
