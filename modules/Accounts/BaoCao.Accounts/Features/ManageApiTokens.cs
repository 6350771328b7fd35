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
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>An administrator issues an API token for another system (shown once), lists and revokes tokens.</summary>
internal static class ManageApiTokens
{
    /// <summary>What a system may be given: never account administration or the security log.</summary>
    internal static readonly string[] Grantable =
    [
        Permissions.ViewUnits, Permissions.EnterData, Permissions.CreateReports, Permissions.ReceiveReports,
        Permissions.TrackReporting, Permissions.ViewDashboards,
    ];

    internal sealed record Issue(string Name, string UnitCode, IReadOnlyList<string>? Permissions, DateTimeOffset? ExpiresAt)
        : ICommand<Result<Issued>>, IRequireAccess
    {
        string IRequireAccess.Permission => SharedKernel.Security.Permissions.ManageAccounts;
        string? IRequireAccess.UnitCode => UnitCode;
    }

    internal sealed record Issued(Guid Id, string Token, string Prefix, DateTimeOffset ExpiresAt);

    internal sealed record List : IQuery<Result<IReadOnlyList<TokenRow>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageAccounts;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record TokenRow(Guid Id, string Name, string Prefix, string UnitCode, IReadOnlyList<string> Permissions,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    internal sealed record Revoke(Guid Id) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageAccounts;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed class IssueValidator : AbstractValidator<Issue>
    {
        public IssueValidator(TimeProvider clock)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần đặt tên cho mã truy cập (hệ thống nào dùng).").MaximumLength(200);
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Cần chọn đơn vị.");
            RuleFor(c => c.Permissions).NotEmpty().WithMessage("Cần chọn ít nhất một quyền.");
            RuleForEach(c => c.Permissions).Must(p => Grantable.Contains(p))
                .WithMessage(p => $"Quyền không được cấp cho mã truy cập. Chọn trong: {string.Join(", ", Grantable)}.");
            RuleFor(c => c.ExpiresAt).NotNull().WithMessage("Cần chọn ngày hết hạn.")
                .Must(e => e > clock.GetUtcNow() && e <= clock.GetUtcNow().AddYears(1)).WithMessage("Ngày hết hạn phải sau hôm nay và không quá một năm.");
        }
    }

    internal sealed class IssueHandler(AccountsDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Issue, Result<Issued>>
    {
        public async ValueTask<Result<Issued>> Handle(Issue command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.SingleAsync(u => u.Code == command.UnitCode, cancellationToken); // the access check found it
            var now = clock.GetUtcNow();
            var (token, secret) = ApiToken.Issue(command.Name, unit.Id, command.Permissions!, command.ExpiresAt!.Value, user.UserName ?? "system", now);
            db.ApiTokens.Add(token);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.TokenIssued, user.UserName ?? "system", user.RemoteAddress, now,
                $"{token.Prefix} ({token.Name}) cho {unit.Code}: {token.Permissions}"));
            await db.SaveChangesAsync(cancellationToken);
            return new Issued(token.Id, secret, token.Prefix, token.ExpiresAt);
        }
    }

    internal sealed class ListHandler(AccountsDbContext db, Grants grants) : IQueryHandler<List, Result<IReadOnlyList<TokenRow>>>
    {
        public async ValueTask<Result<IReadOnlyList<TokenRow>>> Handle(List query, CancellationToken cancellationToken)
        {
            var units = db.Units.Where(await grants.UnitScopeAsync(Permissions.ManageAccounts, cancellationToken));
            var rows = await (from token in db.ApiTokens.AsNoTracking()
                              join unit in units on token.UnitId equals unit.Id
                              orderby token.CreatedAt descending
                              select new { token, unit.Code }).ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<TokenRow>>([.. rows.Select(r => new TokenRow(r.token.Id, r.token.Name, r.token.Prefix, r.Code, r.token.PermissionList,
                r.token.CreatedAt, r.token.CreatedBy, r.token.ExpiresAt, r.token.RevokedAt, r.token.LastUsedAt))]);
        }
    }

    internal sealed class RevokeHandler(AccountsDbContext db, Grants grants, ICurrentUser user, TimeProvider clock) : ICommandHandler<Revoke, Result>
    {
        public async ValueTask<Result> Handle(Revoke command, CancellationToken cancellationToken)
        {
            var units = db.Units.Where(await grants.UnitScopeAsync(Permissions.ManageAccounts, cancellationToken)).Select(u => u.Id);
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == command.Id && units.Contains(t.UnitId), cancellationToken);
            if (token is null)
                return Result.NotFound("Không tìm thấy mã truy cập trong phạm vi bạn quản trị.");
            token.Revoke(clock.GetUtcNow());
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.TokenRevoked, user.UserName ?? "system", user.RemoteAddress, clock.GetUtcNow(), $"{token.Prefix} ({token.Name})"));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
    }


    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var tokens = app.MapGroup("/api/accounts/tokens").WithTags("Mã truy cập API");
            tokens.MapPost("", async (Issue command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Cấp mã truy cập API cho hệ thống khác (chỉ hiển thị một lần)");
            tokens.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new List(), ct)).ToHttpResult())
                .WithSummary("Danh sách mã truy cập API");
            tokens.MapPost("/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new Revoke(id), ct)).ToHttpResult())
                .WithSummary("Thu hồi mã truy cập API");
        }
    }
}
