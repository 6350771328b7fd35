using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Accounts.Security;

/// <summary>
/// Setting a password, however it happens (one-time link, change, expiry): the password rules, none of the last
/// ten passwords again, and every other session of the account ends. Administrators must change theirs every
/// <c>Accounts:AdministratorPasswordDays</c> (60) days.
/// </summary>
internal sealed class PasswordChanges(AccountsDbContext db, UserManager<Account> users, IPasswordHasher<Account> hasher, TimeProvider clock, IConfiguration configuration)
{
    private const int Remembered = 10;

    public async Task<IReadOnlyList<ResultError>> CheckAsync(Account account, string password, CancellationToken cancellationToken)
    {
        var problems = new List<ResultError>();
        foreach (var validator in users.PasswordValidators)
        {
            var outcome = await validator.ValidateAsync(users, account, password);
            problems.AddRange(outcome.Errors.Select(e => new ResultError(e.Description, "password")));
        }
        if (problems.Count > 0)
            return problems;
        var previous = await db.PasswordHistory.Where(h => h.AccountId == account.Id).OrderByDescending(h => h.ChangedAt)
            .Select(h => h.PasswordHash).Take(Remembered - 1).ToListAsync(cancellationToken);
        if (account.PasswordHash is not null)
            previous.Insert(0, account.PasswordHash);
        if (previous.Any(hash => hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed))
            problems.Add(new ResultError($"Không được dùng lại một trong {Remembered} mật khẩu gần nhất.", "password"));
        return problems;
    }

    /// <summary>Sets the (already checked) password; the caller saves.</summary>
    public void Apply(Account account, string password)
    {
        var now = clock.GetUtcNow();
        if (account.PasswordHash is not null)
            db.PasswordHistory.Add(PasswordHistoryEntry.Of(account, now));
        account.PasswordHash = hasher.HashPassword(account, password);
        account.PasswordChangedAt = now;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
    }

    public bool IsExpired(Account account, IReadOnlyCollection<string> roles) =>
        !account.IsDemo && roles.Contains(Roles.Administrator)
        && (account.PasswordChangedAt ?? account.CreatedAt) < clock.GetUtcNow().AddDays(-configuration.GetValue("Accounts:AdministratorPasswordDays", 60));
}
