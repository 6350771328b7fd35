using System.Security.Claims;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>
/// A person signs in with user name and password. Every attempt goes to the security log; an unknown user and
/// a wrong password get the same answer (and the same work: a hash is checked either way); after
/// <c>Accounts:MaxFailedSignIns</c> (5) failures the account is locked for <c>Accounts:LockoutMinutes</c> (15)
/// and even the right password is refused until then.
/// </summary>
internal static class SignIn
{
    /// <summary>Its own transaction: a sign-in hashes the password (≈ 160 ms) before its one save; a transaction opened
    /// first would hold SQLite's write lock around the hash, and every other save would wait behind the sign-ins.</summary>
    internal sealed record Command(string UserName, string Password, string? RemoteAddress) : ICommand<SignInOutcome>, IOwnTransaction;

    internal const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    internal static string LockedMessage(DateTimeOffset until) =>
        $"Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {TimeZoneInfo.ConvertTime(until, SharedKernel.Time.VietnamTime.Zone):HH:mm dd/MM/yyyy} hoặc liên hệ quản trị hệ thống.";

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("Vui lòng nhập tên đăng nhập.")
                .MaximumLength(256).WithMessage("Tên đăng nhập dài quá 256 ký tự.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Vui lòng nhập mật khẩu.")
                .MaximumLength(PasswordRules.Maximum).WithMessage($"Mật khẩu không được dài quá {PasswordRules.Maximum} ký tự.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, IPasswordHasher<Account> hasher, ILookupNormalizer normalizer, SignInSteps steps, SignInThrottle throttle,
        TimeProvider clock, Microsoft.Extensions.Configuration.IConfiguration configuration)
        : ICommandHandler<Command, SignInOutcome>
    {
        // Checked for unknown user names, throttled and locked attempts, so that they cost what a wrong password costs.
        private static string? _decoyHash;

        private void Decoy(string password)
        {
            var decoy = new Account();
            hasher.VerifyHashedPassword(decoy, _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString()), password);
        }

        private Task<bool> FamiliarAsync(Account account, string? address, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var since = now.AddDays(-90);
            return db.SecurityLog.AnyAsync(e => e.UserName == account.UserName && e.Event == SecurityEvent.SignInSucceeded
                && e.RemoteAddress == address && e.At > since, cancellationToken);
        }

        public async ValueTask<SignInOutcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var normalized = normalizer.NormalizeName(command.UserName.Trim());
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
            var lockout = TimeSpan.FromMinutes(Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, "Accounts:LockoutMinutes", 15));
            // The lock refuses every address but the owner's familiar ones (a sign-in succeeded from there) that have not
            // failed for this account themselves: guesses from elsewhere lock the guessers out, not the owner.
            if (account is { Status: AccountStatus.Active } && account.IsLockedOut(now)
                && (throttle.HasFailed(normalized, command.RemoteAddress, lockout) || !await FamiliarAsync(account, command.RemoteAddress, now, cancellationToken)))
            {
                Decoy(command.Password);
                return await steps.FailAsync(SecurityEvent.SignInWhileLocked, command.UserName, command.RemoteAddress,
                    new SignInOutcome(SignInKind.LockedOut, LockedUntil: account.LockoutEnd), cancellationToken);
            }
            if (throttle.WaitFor(normalized, command.RemoteAddress) > TimeSpan.Zero)
            {
                Decoy(command.Password);
                return await steps.FailAsync(SecurityEvent.SignInThrottled, command.UserName, command.RemoteAddress, new SignInOutcome(SignInKind.Invalid), cancellationToken);
            }

            if (account is null || account.Status != AccountStatus.Active)
            {
                Decoy(command.Password);
                throttle.Failed(normalized, command.RemoteAddress);
                return await steps.FailAsync(SecurityEvent.SignInFailed, command.UserName, command.RemoteAddress, new SignInOutcome(SignInKind.Invalid), cancellationToken);
            }

            var verified = account.PasswordHash is null ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(account, account.PasswordHash, command.Password);
            if (verified == PasswordVerificationResult.Failed)
            {
                throttle.Failed(normalized, command.RemoteAddress);
                return await steps.WrongSecretAsync(account, command.RemoteAddress, cancellationToken);
            }
            throttle.Succeeded(normalized, command.RemoteAddress);
            if (verified == PasswordVerificationResult.SuccessRehashNeeded)
                account.PasswordHash = hasher.HashPassword(account, command.Password);

            if (account.TwoFactorEnabled)
                return await steps.FailAsync(SecurityEvent.TwoFactorRequired, account.UserName!, command.RemoteAddress,
                    new SignInOutcome(SignInKind.RequiresTwoFactor, AccountId: account.Id), cancellationToken);
            if (steps.MustEnrol(account, await steps.RolesAsync(account, cancellationToken)))
                return await steps.FailAsync(SecurityEvent.TwoFactorRequired, account.UserName!, command.RemoteAddress,
                    new SignInOutcome(SignInKind.MustEnrolTwoFactor, AccountId: account.Id), cancellationToken);
            return await steps.SucceedAsync(account, command.RemoteAddress, cancellationToken);
        }
    }

    /// <summary>Writes the session cookie for a signed-in principal.</summary>
    internal static async Task WriteCookieAsync(HttpContext http, ClaimsPrincipal principal, TimeProvider clock)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        AccountPrincipals.MarkSignedIn(properties, clock.GetUtcNow());
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/auth/login", async (LoginBody body, HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct) =>
                {
                    var outcome = await sender.Send(new Command(body.UserName ?? "", body.Password ?? "", http.Connection.RemoteIpAddress?.ToString()), ct);
                    return await AnswerAsync(http, outcome, clock);
                })
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Đăng nhập bằng tên đăng nhập và mật khẩu");
    }

    internal sealed record LoginBody(string? UserName, string? Password);

    /// <summary>The API's answer to a sign-in step, shared by the password and the second-factor steps.</summary>
    internal static async Task<IResult> AnswerAsync(HttpContext http, SignInOutcome outcome, TimeProvider clock)
    {
        switch (outcome.Kind)
        {
            case SignInKind.SignedIn:
                await PendingSignIn.EndAsync(http);
                await WriteCookieAsync(http, outcome.Principal!, clock);
                return Results.Ok(new { userName = outcome.Principal!.Identity!.Name, displayName = outcome.DisplayName, requiresTwoFactor = false });
            case SignInKind.RequiresTwoFactor:
                await PendingSignIn.StartAsync(http, outcome.AccountId!.Value, PendingSignIn.Verify);
                return Results.Ok(new { requiresTwoFactor = true });
            case SignInKind.MustEnrolTwoFactor:
                await PendingSignIn.StartAsync(http, outcome.AccountId!.Value, PendingSignIn.Enrol);
                return Results.Ok(new { requiresTwoFactor = true, requiresTwoFactorEnrolment = true });
            case SignInKind.MustChangePassword:
                await PendingSignIn.StartAsync(http, outcome.AccountId!.Value, PendingSignIn.ChangePassword);
                return Results.Ok(new { requiresTwoFactor = false, requiresPasswordChange = true });
            // Locked, throttled, unknown or wrong: one answer, so no one learns which user names exist or are locked.
            default:
                return Results.Problem(ProblemResults.Problem(StatusCodes.Status401Unauthorized, WrongCredentials));
        }
    }
}
