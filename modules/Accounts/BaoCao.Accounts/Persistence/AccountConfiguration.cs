using BaoCao.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Accounts.Persistence;

/// <summary>
/// The Identity user tables, configured here because the module's context derives from ModuleDbContext
/// (outbox, conventions) rather than IdentityUserContext; the shape follows Identity's own model.
/// </summary>
internal sealed class AccountConfiguration :
    IEntityTypeConfiguration<Account>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.ToTable("Accounts");
        account.HasKey(a => a.Id);
        account.HasIndex(a => a.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        account.HasIndex(a => a.NormalizedEmail).HasDatabaseName("EmailIndex");
        account.HasIndex(a => a.UnitId);
        account.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        account.Property(a => a.UserName).HasMaxLength(256);
        account.Property(a => a.NormalizedUserName).HasMaxLength(256);
        account.Property(a => a.Email).HasMaxLength(256);
        account.Property(a => a.NormalizedEmail).HasMaxLength(256);
        account.Property(a => a.PhoneNumber).HasMaxLength(32);
        account.Property(a => a.DisplayName).HasMaxLength(200);
        account.Property(a => a.SearchText).HasMaxLength(500);
        account.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        account.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        account.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        account.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> claim)
    {
        claim.ToTable("AccountClaims");
        claim.HasKey(c => c.Id);
    }

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> login)
    {
        login.ToTable("AccountLogins");
        login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        login.Property(l => l.LoginProvider).HasMaxLength(128);
        login.Property(l => l.ProviderKey).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> token)
    {
        token.ToTable("AccountTokens");
        token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        token.Property(t => t.LoginProvider).HasMaxLength(128);
        token.Property(t => t.Name).HasMaxLength(128);
    }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> entry)
    {
        entry.ToTable("PasswordHistory");
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => new { e.AccountId, e.ChangedAt });
    }
}
