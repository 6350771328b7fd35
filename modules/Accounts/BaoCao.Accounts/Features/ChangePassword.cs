using System.Security.Claims;
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
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>A person changes their password (or must, when an administrator's is older than 60 days): the current
/// password, the rules, none of the last ten again. Other sessions end; this one continues.</summary>
internal static class ChangePassword
{
    /// <param name="CompletesSignIn">True when the change is the last step of a sign-in (an expired password).</param>
    /// <summary>Its own transaction: a wrong current password is saved (security log, lockout count) and then answered as
    /// a failure, which the pipeline's transaction would roll back.</summary>
    internal sealed record Command(Guid AccountId, string CurrentPassword, string NewPassword, string? RemoteAddress, bool CompletesSignIn)
        : ICommand<Result<SignInOutcome>>, IOwnTransaction;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Vui lòng nhập mật khẩu hiện tại.");
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Vui lòng nhập mật khẩu mới.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, IPasswordHasher<Account> hasher, PasswordChanges passwords, SignInSteps steps, TimeProvider clock)
        : ICommandHandler<Command, Result<SignInOutcome>>
    {
        public async ValueTask<Result<SignInOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == command.AccountId && a.Status == AccountStatus.Active, cancellationToken);
            if (account is null)
                return Result<SignInOutcome>.From(Result.Unauthorized());
            if (account.PasswordHash is null || hasher.VerifyHashedPassword(account, account.PasswordHash, command.CurrentPassword) == PasswordVerificationResult.Failed)
            {
                var wrong = await steps.WrongSecretAsync(account, command.RemoteAddress, cancellationToken);
                return wrong.Kind == SignInKind.LockedOut
                    ? Result<SignInOutcome>.Conflict(SignIn.LockedMessage(wrong.LockedUntil!.Value))
                    : Result<SignInOutcome>.Invalid("Mật khẩu hiện tại không đúng.", "currentPassword");
            }
            var problems = await passwords.CheckAsync(account, command.NewPassword, cancellationToken);
            if (problems.Count > 0)
                return Result<SignInOutcome>.Invalid([.. problems.Select(p => p with { Field = "newPassword" })]);
            passwords.Apply(account, command.NewPassword);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.PasswordChanged, account.UserName!, command.RemoteAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return command.CompletesSignIn
                ? await steps.SucceedAsync(account, command.RemoteAddress, cancellationToken)
                : new SignInOutcome(SignInKind.SignedIn, await AccountPrincipals.CreateAsync(db, account, cancellationToken), account.DisplayName, AccountId: account.Id);
        }
    }

    /// <summary>The account changing its password: the signed-in user, or one whose sign-in waits for the change.</summary>
    internal static async Task<Guid?> AccountAsync(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : await PendingSignIn.AccountAsync(http, PendingSignIn.ChangePassword);

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/auth/change-password", async (ChangeBody body, HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct) =>
                {
                    if (await AccountAsync(http) is not { } id)
                        return Results.Problem(ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Bạn cần đăng nhập để tiếp tục."));
                    var changed = await sender.Send(new Command(id, body.CurrentPassword ?? "", body.NewPassword ?? "", http.Connection.RemoteIpAddress?.ToString(),
                        CompletesSignIn: http.User.Identity?.IsAuthenticated != true), ct);
                    return changed.IsSuccess ? await SignIn.AnswerAsync(http, changed.Value!, clock) : changed.ToHttpResult();
                })
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Đổi mật khẩu (kể cả khi mật khẩu quá hạn)");
    }

    internal sealed record ChangeBody(string? CurrentPassword, string? NewPassword);
}
