using BaoCao.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Accounts.Persistence;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(200);
        token.Property(t => t.Prefix).HasMaxLength(16);
        token.Property(t => t.SecretHash).HasMaxLength(64);
        token.HasIndex(t => t.SecretHash).IsUnique();
        token.Property(t => t.Permissions).HasMaxLength(1000);
        token.Property(t => t.CreatedBy).HasMaxLength(256);
        token.Ignore(t => t.PermissionList);
    }
}
