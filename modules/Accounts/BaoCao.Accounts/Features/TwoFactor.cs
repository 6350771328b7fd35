using System.Security.Claims;
using System.Security.Cryptography;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Results;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP). A person sets it up (a key shown as text and QR code),
/// confirms it with a first code and receives ten one-time recovery codes; from then on a sign-in needs the
/// password and a code. Wrong codes count towards the lockout like wrong passwords.
/// </summary>
internal static class TwoFactor
{
    internal sealed record Setup(Guid AccountId) : ICommand<Result<SetupKey>>;

    internal sealed record SetupKey(string SharedKey, string AuthenticatorUri);

    internal sealed record Enable(Guid AccountId, string Code, string? RemoteAddress) : ICommand<Result<Enabled>>;

    internal sealed record Enabled(IReadOnlyList<string> RecoveryCodes);

    /// <summary>Its own transaction: a code is claimed by its save (the account's concurrency stamp), so requests racing with
    /// one code must read the same account — the losers are refused as replays. Serialized by the pipeline's transaction
    /// (SQLite takes the write lock first), each would see the code used and count a wrong code: a double click could lock
    /// the account.</summary>
    internal sealed record VerifyCode(Guid AccountId, string Code, string? RemoteAddress) : ICommand<SignInOutcome>, IOwnTransaction;

    internal const string WrongCode = "Mã xác thực không đúng hoặc đã hết hiệu lực. Hãy nhập mã đang hiển thị trên ứng dụng xác thực.";

    internal sealed class EnableValidator : AbstractValidator<Enable>
    {
        public EnableValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Vui lòng nhập mã 6 chữ số trên ứng dụng xác thực.").MaximumLength(20);
    }

    internal sealed class VerifyValidator : AbstractValidator<VerifyCode>
    {
        public VerifyValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Vui lòng nhập mã xác thực.").MaximumLength(20);
    }

    internal sealed class Handler(AccountsDbContext db, SignInSteps steps, TimeProvider clock)
        : ICommandHandler<Setup, Result<SetupKey>>, ICommandHandler<Enable, Result<Enabled>>, ICommandHandler<VerifyCode, SignInOutcome>
    {
        public async ValueTask<Result<SetupKey>> Handle(Setup command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == command.AccountId && a.Status == AccountStatus.Active, cancellationToken);
            if (account is null)
                return Result<SetupKey>.From(Result.Unauthorized());
            if (account.TwoFactorEnabled)
                return Result<SetupKey>.Conflict("Xác thực hai lớp đã được bật cho tài khoản này.");
            account.AuthenticatorKey = Totp.ToBase32(Totp.NewKey());
            await db.SaveChangesAsync(cancellationToken);
            return new SetupKey(Grouped(account.AuthenticatorKey), Totp.Uri("BaoCao", account.UserName!, account.AuthenticatorKey));
        }

        public async ValueTask<Result<Enabled>> Handle(Enable command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == command.AccountId && a.Status == AccountStatus.Active, cancellationToken);
            if (account is null)
                return Result<Enabled>.From(Result.Unauthorized());
            if (account.AuthenticatorKey is null || account.TwoFactorEnabled)
                return Result<Enabled>.Conflict("Hãy bắt đầu thiết lập xác thực hai lớp trước khi xác nhận mã.");
            var step = Totp.Verify(Totp.FromBase32(account.AuthenticatorKey), command.Code, clock.GetUtcNow(), account.LastTotpStep);
            if (step is null)
                return Result<Enabled>.Invalid(WrongCode, "code");
            var codes = Enumerable.Range(0, 10).Select(_ => RecoveryCode()).ToList();
            account.LastTotpStep = step.Value;
            account.TwoFactorEnabled = true;
            account.RecoveryCodeHashes = string.Join(';', codes.Select(SetPasswordLink.Hash));
            account.SecurityStamp = Guid.NewGuid().ToString("N"); // other sessions must sign in with the code now
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.TwoFactorEnabled, account.UserName!, command.RemoteAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return new Enabled(codes);
        }

        public async ValueTask<SignInOutcome> Handle(VerifyCode command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == command.AccountId && a.Status == AccountStatus.Active, cancellationToken);
            if (account is null || !account.TwoFactorEnabled || account.AuthenticatorKey is null)
                return new SignInOutcome(SignInKind.Invalid);
            if (account.IsLockedOut(now))
                return await steps.FailAsync(SecurityEvent.SignInWhileLocked, account.UserName!, command.RemoteAddress,
                    new SignInOutcome(SignInKind.LockedOut, LockedUntil: account.LockoutEnd), cancellationToken);

            var step = Totp.Verify(Totp.FromBase32(account.AuthenticatorKey), command.Code, now, account.LastTotpStep);
            if (step is not null)
                account.LastTotpStep = step.Value;
            else if (!UseRecoveryCode(account, command.Code))
                return await steps.WrongSecretAsync(account, command.RemoteAddress, cancellationToken);
            // The code is claimed with the save: requests racing with one code (or one recovery code, on two nodes) read the
            // same stamp, and every save after the first finds it changed and fails — one sign-in per code.
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            try
            {
                return await steps.SucceedAsync(account, command.RemoteAddress, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new SignInOutcome(SignInKind.Invalid);
            }
        }

        private static bool UseRecoveryCode(Account account, string code)
        {
            var hashes = (account.RecoveryCodeHashes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
            var hash = SetPasswordLink.Hash(Codes.Normalize(code));
            if (!hashes.Remove(hash))
                return false;
            account.RecoveryCodeHashes = string.Join(';', hashes);
            return true;
        }

        private static string RecoveryCode()
        {
            const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            var chars = RandomNumberGenerator.GetItems<char>(alphabet, 10);
            return $"{new string(chars[..5])}-{new string(chars[5..])}";
        }

        private static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The account setting up two-factor: the signed-in user, or one whose sign-in waits for enrolment.</summary>
    private static async Task<Guid?> EnrollingAccountAsync(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : await PendingSignIn.AccountAsync(http, PendingSignIn.Enrol);

    private static IResult NotStarted() =>
        Results.Problem(ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."));

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapPost("/api/auth/login/two-factor", async (CodeBody body, HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct) =>
                {
                    if (await PendingSignIn.AccountAsync(http, PendingSignIn.Verify) is not { } id)
                        return NotStarted();
                    var outcome = await sender.Send(new VerifyCode(id, body.Code ?? "", http.Connection.RemoteIpAddress?.ToString()), ct);
                    if (outcome.Kind == SignInKind.Invalid)
                        return Results.Problem(ProblemResults.Problem(StatusCodes.Status401Unauthorized, WrongCode));
                    return await SignIn.AnswerAsync(http, outcome, clock);
                })
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Bước hai của đăng nhập: mã xác thực hoặc mã khôi phục");

            app.MapPost("/api/auth/two-factor/setup", async (HttpContext http, ISender sender, CancellationToken ct) =>
                    await EnrollingAccountAsync(http) is { } id ? (await sender.Send(new Setup(id), ct)).ToHttpResult() : NotStarted())
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Bắt đầu thiết lập xác thực hai lớp: khóa bí mật cho ứng dụng xác thực");

            app.MapPost("/api/auth/two-factor/enable", async (CodeBody body, HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct) =>
                {
                    if (await EnrollingAccountAsync(http) is not { } id)
                        return NotStarted();
                    var enabled = await sender.Send(new Enable(id, body.Code ?? "", http.Connection.RemoteIpAddress?.ToString()), ct);
                    if (enabled.IsFailure)
                        return enabled.ToHttpResult();
                    if (await PendingSignIn.AccountAsync(http, PendingSignIn.Enrol) is not null)
                    {
                        // Enrolment was the last step of this sign-in.
                        await PendingSignIn.EndAsync(http);
                        var signedIn = await sender.Send(new CompleteEnrolledSignIn(id, http.Connection.RemoteIpAddress?.ToString()), ct);
                        await SignIn.WriteCookieAsync(http, signedIn.Principal!, clock);
                    }
                    else
                    {
                        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http); // the stamp changed: sign in again with a code
                    }
                    return Results.Ok(enabled.Value);
                })
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Xác nhận mã đầu tiên để bật xác thực hai lớp; trả về mã khôi phục");
        }
    }

    internal sealed record CompleteEnrolledSignIn(Guid AccountId, string? RemoteAddress) : ICommand<SignInOutcome>;

    internal sealed class CompleteEnrolledSignInHandler(AccountsDbContext db, SignInSteps steps) : ICommandHandler<CompleteEnrolledSignIn, SignInOutcome>
    {
        public async ValueTask<SignInOutcome> Handle(CompleteEnrolledSignIn command, CancellationToken cancellationToken) =>
            await steps.SucceedAsync(await db.Accounts.SingleAsync(a => a.Id == command.AccountId, cancellationToken), command.RemoteAddress, cancellationToken);
    }

    internal sealed record CodeBody(string? Code);
}
