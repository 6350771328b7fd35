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

/// <summary>A person opens their one-time link and chooses a password under the password rules. The link
/// works once and expires after 72 hours; every session of the account ends.</summary>
internal static class SetPassword
{
    internal sealed record Command(string Token, string Password, string? RemoteAddress) : ICommand<Result<string>>;

    internal const string BadLink = "Đường dẫn đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy đề nghị Văn phòng UBND tỉnh cấp lại.";

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().WithMessage(BadLink).MaximumLength(200).WithMessage(BadLink);
            RuleFor(c => c.Password).NotEmpty().WithMessage("Vui lòng nhập mật khẩu mới.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, PasswordChanges passwords, TimeProvider clock)
        : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var hash = SetPasswordLink.Hash(command.Token);
            var link = await db.SetPasswordLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
            var account = link is null ? null : await db.Accounts.SingleOrDefaultAsync(a => a.Id == link.AccountId, cancellationToken);
            // Only the newest link works, and only until the password is next set: issuing, using or changing revokes the rest.
            if (link is null || account is null || !link.IsUsable(now) || account.Status != AccountStatus.Active
                || (account.PasswordChangedAt is { } changed && link.CreatedAt < changed)
                || await db.SetPasswordLinks.AnyAsync(l => l.AccountId == link.AccountId && l.CreatedAt > link.CreatedAt, cancellationToken))
                return Result<string>.Invalid(BadLink, "token");

            var problems = await passwords.CheckAsync(account, command.Password, cancellationToken);
            if (problems.Count > 0)
                return Result<string>.Invalid(problems);

            link.Use(now);
            passwords.Apply(account, command.Password);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.PasswordSet, account.UserName!, command.RemoteAddress, now));
            await db.SaveChangesAsync(cancellationToken); // the link's single use and the password commit together
            return account.UserName!;
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/auth/set-password", async (SetPasswordBody body, HttpContext http, ISender sender, CancellationToken ct) =>
                {
                    var outcome = await sender.Send(new Command(body.Token ?? "", body.Password ?? "", http.Connection.RemoteIpAddress?.ToString()), ct);
                    return outcome.IsSuccess ? Results.Ok(new { userName = outcome.Value }) : outcome.ToHttpResult();
                })
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Đặt mật khẩu bằng đường dẫn một lần");
    }

    internal sealed record SetPasswordBody(string? Token, string? Password);
}
