using BaoCao.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Accounts.Persistence;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.ToTable("Units");
        unit.HasKey(u => u.Id);
        unit.Property(u => u.Code).HasMaxLength(64);
        unit.HasIndex(u => u.Code).IsUnique();
        unit.Property(u => u.Name).HasMaxLength(300);
        unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(40);
        unit.Property(u => u.Path).HasMaxLength(1200);
        unit.HasIndex(u => u.Path);
        unit.HasIndex(u => u.ParentId);
        unit.Property(u => u.AdministrativeCode).HasMaxLength(20);
        unit.Property(u => u.OfficialEmail).HasMaxLength(256);
        unit.Property(u => u.LeaderEmail).HasMaxLength(256);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> grant)
    {
        grant.ToTable("RoleGrants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.Role).HasMaxLength(40);
        grant.Property(g => g.GrantedBy).HasMaxLength(256);
        grant.Property(g => g.Forms).HasMaxLength(2000);
        grant.HasIndex(g => g.AccountId);
        grant.HasIndex(g => new { g.UnitId, g.Role });
    }
}

internal sealed class UnitChangeConfiguration : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> change)
    {
        change.ToTable("UnitChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        change.Property(c => c.Before).HasMaxLength(500);
        change.Property(c => c.After).HasMaxLength(500);
        change.Property(c => c.By).HasMaxLength(256);
        change.HasIndex(c => new { c.UnitId, c.At });
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> delegation)
    {
        delegation.ToTable("Delegations");
        delegation.HasKey(d => d.Id);
        delegation.Property(d => d.Forms).HasMaxLength(2000);
        delegation.HasIndex(d => new { d.ToAccountId, d.Until });
    }
}
