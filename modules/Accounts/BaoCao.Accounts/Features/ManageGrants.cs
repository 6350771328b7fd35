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
/// An administrator grants an account a role for a unit (optionally its sub-units; for data entry, the forms
/// it may enter), assigns report receivers (Đ10.1d), or withdraws a grant. Takes effect within 30 seconds.
/// </summary>
internal static class ManageGrants
{
    internal static readonly string[] GrantableRoles = [Roles.Administrator, Roles.Leader, Roles.DataEntry, Roles.ReportReceiver];

    internal sealed record List(string UserName) : IQuery<Result<IReadOnlyList<GrantRow>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ViewAccounts;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record GrantRow(Guid Id, string Role, string UnitCode, string UnitName, bool IncludeSubUnits, IReadOnlyList<string> Forms, DateTimeOffset GrantedAt, string GrantedBy);

    internal sealed record Grant(string UserName, string Role, string UnitCode, bool IncludeSubUnits, IReadOnlyList<string>? Forms)
        : ICommand<Result<Guid>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageAccounts;
        string? IRequireAccess.UnitCode => UnitCode;
    }

    internal sealed record Withdraw(string UserName, Guid GrantId) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageAccounts;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed class GrantValidator : AbstractValidator<Grant>
    {
        public GrantValidator()
        {
            RuleFor(g => g.Role).Must(r => GrantableRoles.Contains(r)).WithMessage($"Vai trò phải là một trong: {string.Join(", ", GrantableRoles)}.");
            RuleFor(g => g.UnitCode).NotEmpty().WithMessage("Cần chọn đơn vị.");
            RuleFor(g => g.Forms).Empty().When(g => g.Role != Roles.DataEntry).WithMessage("Chỉ quyền nhập liệu mới giới hạn theo biểu mẫu.");
            RuleForEach(g => g.Forms).NotEmpty().MaximumLength(64).WithMessage("Mã biểu mẫu không hợp lệ.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, Grants grants, ICurrentUser user, ILookupNormalizer normalizer, TimeProvider clock)
        : IQueryHandler<List, Result<IReadOnlyList<GrantRow>>>, ICommandHandler<Grant, Result<Guid>>, ICommandHandler<Withdraw, Result>
    {
        public async ValueTask<Result<IReadOnlyList<GrantRow>>> Handle(List query, CancellationToken cancellationToken)
        {
            var account = await AdministeredAsync(query.UserName, Permissions.ViewAccounts, cancellationToken);
            if (account is null)
                return Result<IReadOnlyList<GrantRow>>.NotFound($"Không tìm thấy tài khoản '{query.UserName}' trong phạm vi bạn quản trị.");
            var rows = await (from grant in db.RoleGrants
                              join unit in db.Units on grant.UnitId equals unit.Id
                              where grant.AccountId == account.Id
                              orderby grant.GrantedAt
                              select new { grant, unit.Code, unit.Name }).ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<GrantRow>>([.. rows.Select(r => new GrantRow(r.grant.Id, r.grant.Role, r.Code, r.Name, r.grant.IncludeSubUnits,
                r.grant.Forms.Split(',', StringSplitOptions.RemoveEmptyEntries), r.grant.GrantedAt, r.grant.GrantedBy))]);
        }

        public async ValueTask<Result<Guid>> Handle(Grant command, CancellationToken cancellationToken)
        {
            var account = await AdministeredAsync(command.UserName, Permissions.ManageAccounts, cancellationToken);
            if (account is null)
                return Result<Guid>.NotFound($"Không tìm thấy tài khoản '{command.UserName}' trong phạm vi bạn quản trị.");
            var unit = await db.Units.SingleAsync(u => u.Code == command.UnitCode, cancellationToken);
            var now = clock.GetUtcNow();
            var grant = RoleGrant.Create(account.Id, command.Role, unit.Id, command.IncludeSubUnits, now, user.UserName ?? "system", command.Forms);
            db.RoleGrants.Add(grant);
            account.SecurityStamp = Guid.NewGuid().ToString("N"); // the account's open sessions end: they sign in with the new grants
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.GrantChanged, account.UserName!, user.RemoteAddress, now,
                $"{user.UserName}: cấp quyền {command.Role} tại {unit.Code}{(command.IncludeSubUnits ? " và đơn vị trực thuộc" : "")}{(grant.Forms.Length > 0 ? $", biểu mẫu {grant.Forms}" : "")}"));
            await db.SaveChangesAsync(cancellationToken);
            return grant.Id;
        }

        public async ValueTask<Result> Handle(Withdraw command, CancellationToken cancellationToken)
        {
            var account = await AdministeredAsync(command.UserName, Permissions.ManageAccounts, cancellationToken);
            var grant = account is null ? null : await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == command.GrantId && g.AccountId == account.Id, cancellationToken);
            if (grant is null)
                return Result.NotFound("Không tìm thấy quyền này trong phạm vi bạn quản trị.");
            var unit = await db.Units.SingleAsync(u => u.Id == grant.UnitId, cancellationToken);
            if (!(await grants.ScopesForAsync(Permissions.ManageAccounts, cancellationToken)).Any(g => g.Covers(unit)))
                return Result.Forbidden("Quyền này thuộc đơn vị ngoài phạm vi bạn quản trị.");
            db.RoleGrants.Remove(grant);
            account!.SecurityStamp = Guid.NewGuid().ToString("N"); // the account's open sessions end at once
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.GrantChanged, account!.UserName!, user.RemoteAddress, clock.GetUtcNow(),
                $"{user.UserName}: thu hồi quyền {grant.Role} tại {unit.Code}"));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        private async Task<Account?> AdministeredAsync(string userName, string permission, CancellationToken cancellationToken)
        {
            var normalized = normalizer.NormalizeName(userName);
            return await (await grants.AdministeredAccountsAsync(permission, cancellationToken)).SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var grants = app.MapGroup("/api/accounts/{userName}/grants").WithTags("Tài khoản");
            grants.MapGet("", async (string userName, ISender sender, CancellationToken ct) => (await sender.Send(new List(userName), ct)).ToHttpResult())
                .WithSummary("Các quyền của một tài khoản");
            grants.MapPost("", async (string userName, GrantBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Grant(userName, body.Role ?? "", body.UnitCode ?? "", body.IncludeSubUnits, body.Forms), ct)).ToHttpResult())
                .WithSummary("Cấp quyền theo đơn vị (và biểu mẫu, với quyền nhập liệu)");
            grants.MapDelete("/{grantId:guid}", async (string userName, Guid grantId, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Withdraw(userName, grantId), ct)).ToHttpResult())
                .WithSummary("Thu hồi một quyền");
        }
    }

    internal sealed record GrantBody(string? Role, string? UnitCode, bool IncludeSubUnits, IReadOnlyList<string>? Forms);
}
