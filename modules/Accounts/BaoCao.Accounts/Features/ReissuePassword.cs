using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>A lost password is re-issued by the province office (Đ9): the old password stops working at once and
/// a one-time set-password link goes to the account's official e-mail, never a password in clear.</summary>
internal static class ReissuePassword
{
    /// <summary>Its own transaction: the link is saved before it is e-mailed (no wait for the mail server inside a transaction).</summary>
    internal sealed record Command(string UserName) : ICommand<Result<HandleAccountRequest.Completed>>, IRequireAccess, IOwnTransaction
    {
        string IRequireAccess.Permission => Permissions.ManageAccounts;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed class Handler(AccountsDbContext db, Grants grants, ICurrentUser user, ILookupNormalizer normalizer, PasswordLinks links, TimeProvider clock)
        : ICommandHandler<Command, Result<HandleAccountRequest.Completed>>
    {
        public async ValueTask<Result<HandleAccountRequest.Completed>> Handle(Command command, CancellationToken cancellationToken)
        {
            var normalized = normalizer.NormalizeName(command.UserName);
            var account = await (await grants.AdministeredAccountsAsync(Permissions.ManageAccounts, cancellationToken))
                .SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
            if (account is null || account.Status == AccountStatus.Terminated)
                return Result<HandleAccountRequest.Completed>.NotFound($"Không tìm thấy tài khoản '{command.UserName}' trong phạm vi bạn quản trị.");
            var now = clock.GetUtcNow();
            // The old password stays in the history: the person cannot choose it again from the link.
            if (account.PasswordHash is not null)
                db.PasswordHistory.Add(PasswordHistoryEntry.Of(account, now));
            account.PasswordHash = null;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            var link = links.Create(account);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.PasswordLinkIssued, account.UserName!, user.RemoteAddress, now, $"{user.UserName}: cấp lại mật khẩu"));
            await db.SaveChangesAsync(cancellationToken);
            var sent = await links.SendAsync(account, link.Url, newAccount: false, cancellationToken);
            return new HandleAccountRequest.Completed("Đã hủy mật khẩu cũ và gửi đường dẫn đặt mật khẩu mới.", sent.Emailed, sent.Emailed ? null : sent.Link);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/accounts/{userName}/reissue-password", async (string userName, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Command(userName), ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Cấp lại mật khẩu (gửi đường dẫn đặt mật khẩu một lần)");
    }
}
