using BaoCao.Indicators.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Indicators.Persistence;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.ToTable("Indicators");
        indicator.HasKey(i => i.Id);
        indicator.Property(i => i.Id).ValueGeneratedNever();
        indicator.Property(i => i.Code).HasMaxLength(64);
        indicator.HasIndex(i => i.Code).IsUnique();
        indicator.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        indicator.Property(i => i.SearchKey).HasMaxLength(1000);
        indicator.Property(i => i.GroupKey).HasMaxLength(1000);
        indicator.Ignore(i => i.Current);
        indicator.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        indicator.Navigation(i => i.Versions).AutoInclude();
    }
}

internal sealed class IndicatorVersionConfiguration : IEntityTypeConfiguration<IndicatorVersion>
{
    public void Configure(EntityTypeBuilder<IndicatorVersion> version)
    {
        version.ToTable("IndicatorVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasIndex(v => new { v.IndicatorId, v.Number }).IsUnique();
        version.Property(v => v.ChangedBy).HasMaxLength(256);
        version.Property(v => v.Note).HasMaxLength(1000);
        version.ComplexProperty(v => v.Definition, definition =>
        {
            definition.Property(d => d.Name).HasColumnName("Name").HasMaxLength(500);
            definition.Property(d => d.ShortName).HasColumnName("ShortName").HasMaxLength(200);
            definition.Property(d => d.Description).HasColumnName("Description").HasMaxLength(4000);
            definition.Property(d => d.Method).HasColumnName("Method").HasMaxLength(4000);
            definition.Property(d => d.UnitOfMeasure).HasColumnName("UnitOfMeasure").HasMaxLength(32);
            definition.Property(d => d.ValueType).HasColumnName("ValueType").HasConversion<string>().HasMaxLength(16);
            definition.Property(d => d.Precision).HasColumnName("Precision");
            definition.Property(d => d.AcrossUnits).HasColumnName("AcrossUnits").HasConversion<string>().HasMaxLength(24);
            definition.Property(d => d.WeightIndicator).HasColumnName("WeightIndicator").HasMaxLength(64);
            definition.Property(d => d.OverTime).HasColumnName("OverTime").HasConversion<string>().HasMaxLength(16);
            definition.Property(d => d.OwnerUnit).HasColumnName("OwnerUnit").HasMaxLength(64);
            definition.Property(d => d.Groups).HasColumnName("Groups").HasMaxLength(1000);
            definition.Property(d => d.Categories).HasColumnName("Categories").HasMaxLength(500);
            definition.Property(d => d.Formula).HasColumnName("Formula").HasMaxLength(4000);
        });
    }
}

internal sealed class UnitOfMeasureConfiguration : IEntityTypeConfiguration<UnitOfMeasure>
{
    public void Configure(EntityTypeBuilder<UnitOfMeasure> unit)
    {
        unit.ToTable("UnitsOfMeasure");
        unit.HasKey(u => u.Code);
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.Property(u => u.Name).HasMaxLength(100);
        unit.HasData(DefaultLists.UnitsOfMeasure);
    }
}

internal sealed class IndicatorGroupConfiguration : IEntityTypeConfiguration<IndicatorGroup>
{
    public void Configure(EntityTypeBuilder<IndicatorGroup> group)
    {
        group.ToTable("IndicatorGroups");
        group.HasKey(g => g.Code);
        group.Property(g => g.Code).HasMaxLength(64);
        group.Property(g => g.Name).HasMaxLength(300);
        group.Property(g => g.ParentCode).HasMaxLength(64);
        group.HasData(DefaultLists.Groups);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.HasKey(c => c.Code);
        category.Property(c => c.Code).HasMaxLength(32);
        category.Property(c => c.Name).HasMaxLength(200);
        category.OwnsMany(c => c.Options, options => options.ToJson());
    }
}

internal sealed class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> rule)
    {
        rule.ToTable("ValidationRules");
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Id).ValueGeneratedNever();
        rule.Property(r => r.Code).HasMaxLength(64);
        rule.HasIndex(r => r.Code).IsUnique();
        rule.Property(r => r.Name).HasMaxLength(300);
        rule.Property(r => r.Left).HasMaxLength(4000);
        rule.Property(r => r.Right).HasMaxLength(4000);
        rule.Property(r => r.Operator).HasMaxLength(2);
        rule.Property(r => r.Importance).HasConversion<string>().HasMaxLength(8);
        rule.Property(r => r.Message).HasMaxLength(1000);
        rule.Ignore(r => r.AsFormula);
    }
}
