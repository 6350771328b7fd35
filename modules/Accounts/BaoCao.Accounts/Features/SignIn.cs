using System.Security.Cryptography;
using System.Text;
using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using FluentValidation;
using Mediator;

namespace BaoCao.Accounts.Features;

/// <summary>
/// A person signs in. Stand-in until real accounts exist: only the demo administrator is known. The attempt
/// goes to the security log either way; a success is announced to other modules (usage statistics).
/// </summary>
internal static class SignIn
{
    internal sealed record Command(string UserName, string Password, string? RemoteAddress) : ICommand<Result<SignedInUser>>;

    internal sealed record SignedInUser(string UserName, IReadOnlyList<string> Roles);

    internal const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("Vui lòng nhập tên đăng nhập.")
                .MaximumLength(256).WithMessage("Tên đăng nhập dài quá 256 ký tự.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Vui lòng nhập mật khẩu.")
                .MaximumLength(128).WithMessage("Mật khẩu dài quá 128 ký tự.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, DemoProvince demo, TimeProvider clock) : ICommandHandler<Command, Result<SignedInUser>>
    {
        public async ValueTask<Result<SignedInUser>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var known = IsDemoAdministrator(command.UserName, command.Password);
            db.SecurityLog.Add(SecurityLogEntry.Record(known ? SecurityEvent.SignInSucceeded : SecurityEvent.SignInFailed, command.UserName, command.RemoteAddress, now));
            if (known)
                db.Publish(new UserSignedIn(Guid.NewGuid(), command.UserName, now), now);
            await db.SaveChangesAsync(cancellationToken);

            // One answer for an unknown user and a wrong password: nothing to learn from it.
            return known
                ? new SignedInUser(command.UserName, [Roles.Administrator])
                : Result<SignedInUser>.Invalid(WrongCredentials);
        }

        private bool IsDemoAdministrator(string userName, string password) =>
            demo.Enabled && userName == "admin" &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(demo.Password));
    }
}
