using BaoCao.Deadlines.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Deadlines.Persistence;

internal sealed class OfficialDayConfiguration : IEntityTypeConfiguration<OfficialDay>
{
    public void Configure(EntityTypeBuilder<OfficialDay> day)
    {
        day.ToTable("OfficialDays");
        day.HasKey(d => d.Date);
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        day.Property(d => d.Name).HasMaxLength(200);
        day.HasIndex(d => d.ScheduleYear);
        day.HasData(OfficialSchedules.Shipped());
    }
}
