using BaoCao.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Accounts.Persistence;

internal sealed class AccountRequestConfiguration : IEntityTypeConfiguration<AccountRequest>, IEntityTypeConfiguration<SetPasswordLink>
{
    public void Configure(EntityTypeBuilder<AccountRequest> request)
    {
        request.ToTable("AccountRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.DocumentNumber).HasMaxLength(100);
        request.Property(r => r.UserName).HasMaxLength(256);
        request.Property(r => r.DisplayName).HasMaxLength(200);
        request.Property(r => r.Email).HasMaxLength(256);
        request.Property(r => r.Role).HasMaxLength(40);
        request.Property(r => r.Note).HasMaxLength(2000);
        request.Property(r => r.FiledBy).HasMaxLength(256);
        request.Property(r => r.HandledBy).HasMaxLength(256);
        request.Property(r => r.Outcome).HasMaxLength(2000);
        request.HasIndex(r => new { r.Status, r.DueAt });
        request.HasIndex(r => r.RequestingUnitId);
    }

    public void Configure(EntityTypeBuilder<SetPasswordLink> link)
    {
        link.ToTable("SetPasswordLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.AccountId);
    }
}
