using BaoCao.Accounts.Domain;
using BaoCao.SharedKernel.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Accounts.Persistence;

internal class AccountsDbContext(DbContextOptions options) : ModuleDbContext(options, AccountsModule.SchemaName), IDataProtectionKeyContext
{
    /// <summary>Keys that protect sign-in cookies and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SecurityLogEntry> SecurityLog => Set<SecurityLogEntry>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<AccountRequest> AccountRequests => Set<AccountRequest>();
    public DbSet<SetPasswordLink> SetPasswordLinks => Set<SetPasswordLink>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<UnitChange> UnitChanges => Set<UnitChange>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<ExchangePartner> ExchangePartners => Set<ExchangePartner>();
    public DbSet<ReceivedPacket> ReceivedPackets => Set<ReceivedPacket>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AccountsDbContext).Assembly);
}

/// <summary>Exists so SQLite has its own migrations (Persistence/Migrations/Sqlite).</summary>
internal sealed class AccountsSqliteDbContext(DbContextOptions<AccountsSqliteDbContext> options) : AccountsDbContext(options);

/// <summary>Exists so PostgreSQL has its own migrations (Persistence/Migrations/PostgreSql).</summary>
internal sealed class AccountsPostgreSqlDbContext(DbContextOptions<AccountsPostgreSqlDbContext> options) : AccountsDbContext(options);
