using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Accounts.Security;

internal enum SignInKind
{
    SignedIn,
    RequiresTwoFactor,
    MustEnrolTwoFactor,
    MustChangePassword,
    Invalid,
    LockedOut,
}

internal sealed record SignInOutcome(SignInKind Kind, System.Security.Claims.ClaimsPrincipal? Principal = null, string? DisplayName = null,
    DateTimeOffset? LockedUntil = null, Guid? AccountId = null);

/// <summary>What the password step and the second-factor step share: counting failures towards the lockout,
/// logging, and completing a sign-in (principal, last sign-in time, the UserSignedIn announcement).</summary>
internal sealed class SignInSteps(AccountsDbContext db, PasswordChanges passwords, TimeProvider clock, IConfiguration configuration)
{
    public async Task<SignInOutcome> FailAsync(SecurityEvent @event, string userName, string? remoteAddress, SignInOutcome outcome, CancellationToken cancellationToken)
    {
        db.SecurityLog.Add(SecurityLogEntry.Record(@event, userName, remoteAddress, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>A wrong password or code: after <c>Accounts:MaxFailedSignIns</c> (5) the account locks for <c>Accounts:LockoutMinutes</c> (15).</summary>
    public Task<SignInOutcome> WrongSecretAsync(Account account, string? remoteAddress, CancellationToken cancellationToken)
    {
        account.AccessFailedCount++;
        if (account.AccessFailedCount < configuration.GetValue("Accounts:MaxFailedSignIns", 5))
            return FailAsync(SecurityEvent.SignInFailed, account.UserName!, remoteAddress, new SignInOutcome(SignInKind.Invalid), cancellationToken);
        account.AccessFailedCount = 0;
        account.LockoutEnd = clock.GetUtcNow().AddMinutes(configuration.GetValue("Accounts:LockoutMinutes", 15));
        return FailAsync(SecurityEvent.LockedOut, account.UserName!, remoteAddress, new SignInOutcome(SignInKind.LockedOut, LockedUntil: account.LockoutEnd), cancellationToken);
    }

    public bool MustEnrol(Account account, IReadOnlyCollection<string> roles) => !account.TwoFactorEnabled && RequiresTwoFactor(account, roles);

    /// <summary>Whether the account's roles require a second factor (administrators and leaders; demo accounts are exempt).</summary>
    public bool RequiresTwoFactor(Account account, IReadOnlyCollection<string> roles) =>
        !account.IsDemo && configuration.GetValue("Accounts:RequireTwoFactorForAdministratorsAndLeaders", true)
        && (roles.Contains(Roles.Administrator) || roles.Contains(Roles.Leader));

    /// <summary>Every factor passed. An administrator whose password is older than the limit must change it first.</summary>
    public async Task<SignInOutcome> SucceedAsync(Account account, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (passwords.IsExpired(account, await RolesAsync(account, cancellationToken)))
            return await FailAsync(SecurityEvent.PasswordExpired, account.UserName!, remoteAddress,
                new SignInOutcome(SignInKind.MustChangePassword, AccountId: account.Id), cancellationToken);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.LastSignInAt = now;
        db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.SignInSucceeded, account.UserName!, remoteAddress, now));
        db.Publish(new UserSignedIn(Guid.NewGuid(), account.UserName!, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return new SignInOutcome(SignInKind.SignedIn, await AccountPrincipals.CreateAsync(db, account, cancellationToken), account.DisplayName, AccountId: account.Id);
    }

    public async Task<IReadOnlyCollection<string>> RolesAsync(Account account, CancellationToken cancellationToken) =>
        await db.RoleGrants.Where(g => g.AccountId == account.Id).Select(g => g.Role).Distinct().ToListAsync(cancellationToken);
}
