using BaoCao.Deadlines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Deadlines.Persistence;

internal sealed class UsageEventConfiguration : IEntityTypeConfiguration<UsageEvent>
{
    public void Configure(EntityTypeBuilder<UsageEvent> usage)
    {
        usage.ToTable("UsageEvents");
        usage.HasKey(u => u.Id);
        usage.Property(u => u.Id).ValueGeneratedNever();
        usage.Property(u => u.Kind).HasConversion<string>().HasMaxLength(40);
        usage.Property(u => u.UserName).HasMaxLength(256);
        usage.HasIndex(u => new { u.Kind, u.At });
    }
}
