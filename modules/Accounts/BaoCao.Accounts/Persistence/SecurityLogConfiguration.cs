using BaoCao.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Accounts.Persistence;

internal sealed class SecurityLogConfiguration : IEntityTypeConfiguration<SecurityLogEntry>
{
    public void Configure(EntityTypeBuilder<SecurityLogEntry> entry)
    {
        entry.ToTable("SecurityLog");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Event).HasConversion<string>().HasMaxLength(40);
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.RemoteAddress).HasMaxLength(64);
        entry.Property(e => e.Detail).HasMaxLength(500);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.UserName, e.At });
    }
}
