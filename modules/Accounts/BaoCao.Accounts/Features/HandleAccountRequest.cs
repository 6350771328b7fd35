using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>
/// The province office carries out a request (issue the account and e-mail a one-time set-password link;
/// change; suspend; terminate — suspension and termination end the account's sessions within a minute)
/// or rejects it with a reason. The request, the account change and the link are saved together. Only the province
/// office (a province-wide grant) handles requests, never the person who filed one, and only for an account that lies
/// wholly inside the requesting unit (its unit and every grant).
/// </summary>
internal static class HandleAccountRequest
{
    /// <summary>Its own transactions: the account is saved, its link e-mailed, then the request closed — no wait for the
    /// mail server inside a transaction.</summary>
    internal sealed record Complete(Guid Id) : ICommand<Result<Completed>>, IRequireAccess, IOwnTransaction
    {
        string IRequireAccess.Permission => Permissions.CompleteAccountRequests;
    }

    internal sealed record Reject(Guid Id, string Reason) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.CompleteAccountRequests;
    }

    /// <param name="SetPasswordLink">Only when the link could not be e-mailed: deliver it by document.</param>
    internal sealed record Completed(string Outcome, bool LinkEmailed, string? SetPasswordLink);

    internal sealed class RejectValidator : AbstractValidator<Reject>
    {
        public RejectValidator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("Cần ghi rõ lý do từ chối.").MaximumLength(2000);
    }

    internal sealed class Handler(AccountsDbContext db, ICurrentUser user, ILookupNormalizer normalizer, PasswordLinks links, TimeProvider clock)
        : ICommandHandler<Complete, Result<Completed>>, ICommandHandler<Reject, Result>
    {
        public async ValueTask<Result<Completed>> Handle(Complete command, CancellationToken cancellationToken)
        {
            var request = await db.AccountRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
            if (request is null)
                return Result<Completed>.NotFound("Không tìm thấy đề nghị.");
            if (FiledByCaller(request))
                return Result<Completed>.Forbidden("Người lập đề nghị không tự xử lý đề nghị của mình; đề nghị do Văn phòng UBND tỉnh xử lý.");
            var now = clock.GetUtcNow();
            var normalized = normalizer.NormalizeName(request.UserName);
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
            // Checked again here, not only when filed: the account may have gained a grant elsewhere since.
            if (request.Kind != AccountRequestKind.Create && account is not null && !await InsideRequestingUnitAsync(request, account.Id, cancellationToken))
                return Result<Completed>.Forbidden($"Tài khoản '{request.UserName}' không thuộc trọn đơn vị đề nghị (có đơn vị hoặc quyền ở đơn vị khác); đơn vị này không đề nghị được cho tài khoản đó.");
            (SetPasswordLink Link, string Url)? link = null;
            string outcome;
            switch (request.Kind)
            {
                case AccountRequestKind.Create:
                    if (account is not null)
                        return Result<Completed>.Conflict($"Tên đăng nhập '{request.UserName}' đã có người dùng.");
                    account = new Account
                    {
                        Id = Guid.CreateVersion7(), UserName = request.UserName, NormalizedUserName = normalized,
                        Email = request.Email, NormalizedEmail = normalizer.NormalizeEmail(request.Email), EmailConfirmed = true,
                        DisplayName = request.DisplayName ?? request.UserName, UnitId = request.GrantUnitId ?? request.RequestingUnitId,
                        CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                    };
                    db.Accounts.Add(account);
                    db.RoleGrants.Add(RoleGrant.Create(account.Id, request.Role!, request.GrantUnitId!.Value, request.IncludeSubUnits, now, user.UserName ?? "system"));
                    link = links.Create(account);
                    outcome = "Đã cấp tài khoản và gửi đường dẫn đặt mật khẩu.";
                    break;
                case AccountRequestKind.Change when account is not null:
                    if (request.DisplayName is { Length: > 0 } name)
                        account.DisplayName = name;
                    if (request.Email is { Length: > 0 } email)
                        (account.Email, account.NormalizedEmail) = (email, normalizer.NormalizeEmail(email));
                    if (request.Role is { } role && request.GrantUnitId is { } grantUnit)
                    {
                        db.RoleGrants.RemoveRange(db.RoleGrants.Where(g => g.AccountId == account.Id));
                        db.RoleGrants.Add(RoleGrant.Create(account.Id, role, grantUnit, request.IncludeSubUnits, now, user.UserName ?? "system"));
                    }
                    account.SecurityStamp = Guid.NewGuid().ToString("N");
                    outcome = "Đã cập nhật thông tin và quyền của tài khoản.";
                    break;
                case AccountRequestKind.Suspend when account is not null:
                    account.Status = AccountStatus.Suspended;
                    account.SecurityStamp = Guid.NewGuid().ToString("N");
                    outcome = "Đã tạm dừng tài khoản; các phiên đăng nhập kết thúc trong vòng một phút.";
                    break;
                case AccountRequestKind.Terminate when account is not null:
                    account.Status = AccountStatus.Terminated;
                    account.SecurityStamp = Guid.NewGuid().ToString("N");
                    outcome = "Đã chấm dứt tài khoản; các phiên đăng nhập kết thúc trong vòng một phút.";
                    break;
                default:
                    return Result<Completed>.Conflict($"Tài khoản '{request.UserName}' không còn tồn tại.");
            }
            var closed = request.Complete(user.UserName ?? "system", now, outcome);
            if (closed.IsFailure)
                return Result<Completed>.From(closed);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.AccountChanged, request.UserName, user.RemoteAddress, now,
                $"{user.UserName}: {AccountRequest.Label(request.Kind)} theo văn bản số {request.DocumentNumber}"));
            await db.SaveChangesAsync(cancellationToken);

            if (link is null)
                return new Completed(outcome, false, null);
            var sent = await links.SendAsync(account, link.Value.Url, newAccount: true, cancellationToken);
            return new Completed(outcome, sent.Emailed, sent.Emailed ? null : sent.Link);
        }

        public async ValueTask<Result> Handle(Reject command, CancellationToken cancellationToken)
        {
            var request = await db.AccountRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
            if (request is null)
                return Result.NotFound("Không tìm thấy đề nghị.");
            if (FiledByCaller(request))
                return Result.Forbidden("Người lập đề nghị không tự xử lý đề nghị của mình; đề nghị do Văn phòng UBND tỉnh xử lý.");
            var rejected = request.Reject(user.UserName ?? "system", clock.GetUtcNow(), command.Reason.Trim());
            if (rejected.IsSuccess)
                await db.SaveChangesAsync(cancellationToken);
            return rejected;
        }

        private bool FiledByCaller(AccountRequest request) =>
            user.UserName is { } me && string.Equals(request.FiledBy, me, StringComparison.OrdinalIgnoreCase);

        private async Task<bool> InsideRequestingUnitAsync(AccountRequest request, Guid accountId, CancellationToken cancellationToken)
        {
            var path = await db.Units.Where(u => u.Id == request.RequestingUnitId).Select(u => u.Path).SingleAsync(cancellationToken);
            return await Grants.InsideSubtree(db, path).AnyAsync(a => a.Id == accountId, cancellationToken);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapPost("/api/accounts/requests/{id:guid}/complete", async (Guid id, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Complete(id), ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Xử lý xong đề nghị về tài khoản");
            app.MapPost("/api/accounts/requests/{id:guid}/reject", async (Guid id, RejectBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Reject(id, body.Reason ?? ""), ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Từ chối đề nghị về tài khoản (kèm lý do)");
        }
    }

    internal sealed record RejectBody(string? Reason);
}
