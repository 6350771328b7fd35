using BaoCao.Dashboards.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Dashboards.Persistence;

internal sealed class PointConfiguration : IEntityTypeConfiguration<Point>
{
    public void Configure(EntityTypeBuilder<Point> point)
    {
        point.ToTable("Points");
        // The query path: one indicator, a few units, a range of periods.
        point.HasKey(p => new { p.Indicator, p.UnitCode, p.Period, p.Rolled });
        point.Property(p => p.Indicator).HasMaxLength(64);
        point.Property(p => p.UnitCode).HasMaxLength(64);
        point.Property(p => p.Period).HasMaxLength(32);
        point.Property(p => p.Value).HasPrecision(28, 8);
        // The projection path: every unit of one indicator and period, to roll the tree up again.
        point.HasIndex(p => new { p.Indicator, p.Period });
    }
}

internal sealed class PublishedPointConfiguration : IEntityTypeConfiguration<PublishedPoint>
{
    public void Configure(EntityTypeBuilder<PublishedPoint> point)
    {
        point.ToTable("PublishedPoints");
        point.HasKey(p => new { p.Indicator, p.UnitCode, p.Period, p.Rolled });
        point.Property(p => p.Indicator).HasMaxLength(64);
        point.Property(p => p.UnitCode).HasMaxLength(64);
        point.Property(p => p.Period).HasMaxLength(32);
        point.Property(p => p.Value).HasPrecision(28, 8);
        point.HasIndex(p => new { p.Indicator, p.Period });
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> publication)
    {
        publication.ToTable("Publications");
        publication.HasKey(p => new { p.Indicator, p.Period });
        publication.Property(p => p.Indicator).HasMaxLength(64);
        publication.Property(p => p.Period).HasMaxLength(32);
        publication.Property(p => p.PublishedBy).HasMaxLength(256);
    }
}

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> checkpoint)
    {
        checkpoint.ToTable("Checkpoints");
        checkpoint.HasKey(c => c.Name);
        checkpoint.Property(c => c.Name).HasMaxLength(64);
        // Two projectors (two nodes) never both move the same checkpoint: the second save fails and rolls back.
        checkpoint.Property(c => c.Sequence).IsConcurrencyToken();
    }
}

internal sealed class DashboardConfiguration : IEntityTypeConfiguration<Dashboard>
{
    public void Configure(EntityTypeBuilder<Dashboard> dashboard)
    {
        dashboard.ToTable("Dashboards");
        dashboard.HasKey(d => d.Code);
        dashboard.Property(d => d.Code).HasMaxLength(64);
        dashboard.Property(d => d.Title).HasMaxLength(300);
        dashboard.Property(d => d.Description).HasMaxLength(2000);
        dashboard.Property(d => d.Audience).HasConversion<string>().HasMaxLength(32);
        dashboard.Property(d => d.UnitCode).HasMaxLength(64);
        dashboard.Property(d => d.PeriodKind).HasMaxLength(16);
        dashboard.Property(d => d.UpdatedBy).HasMaxLength(256);
        dashboard.Property(d => d.Widgets).AsJson();
    }
}
