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

/// <summary>An administrator lists the accounts of the units they administer, optionally of one unit or role.</summary>
internal static class ListAccounts
{
    internal sealed record Query(string? UnitCode, string? Role, string? Search = null) : IQuery<Result<IReadOnlyList<AccountRow>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ViewAccounts;
        string? IRequireAccess.UnitCode => UnitCode;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record AccountRow(string UserName, string DisplayName, string Status, IReadOnlyList<string> Roles, IReadOnlyList<GetMe.UnitRole> Units);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Search).MaximumLength(200).WithMessage("Chuỗi tìm kiếm dài quá 200 ký tự.");
            RuleFor(q => q.Role)
                .Must(role => role is null or Roles.Administrator or Roles.Leader or Roles.DataEntry)
                .WithMessage($"Vai trò phải là một trong: {Roles.Administrator}, {Roles.Leader}, {Roles.DataEntry}.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, Grants grants) : IQueryHandler<Query, Result<IReadOnlyList<AccountRow>>>
    {
        public async ValueTask<Result<IReadOnlyList<AccountRow>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var administered = db.Units.Where(await grants.UnitScopeAsync(Permissions.ViewAccounts, cancellationToken));
            if (query.UnitCode is not null)
                administered = administered.Where(u => u.Code == query.UnitCode);
            var unitIds = administered.Select(u => u.Id);
            var accounts = db.Accounts.AsNoTracking().Where(a => unitIds.Contains(a.UnitId));
            if (SharedKernel.Text.VietnameseText.SearchKey(query.Search) is { Length: > 0 } key)
                accounts = accounts.Where(a => a.SearchText.Contains(key));
            if (query.Role is not null)
                accounts = accounts.Where(a => db.RoleGrants.Any(g => g.AccountId == a.Id && g.Role == query.Role));

            var rows = await accounts.OrderBy(a => a.UserName).Select(a => new { a.Id, a.UserName, a.DisplayName, a.Status }).ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            var granted = await (from grant in db.RoleGrants
                                 join unit in db.Units on grant.UnitId equals unit.Id
                                 where ids.Contains(grant.AccountId)
                                 select new { grant.AccountId, grant.Role, unit.Code, unit.Name, grant.IncludeSubUnits })
                .ToListAsync(cancellationToken);
            var byAccount = granted.ToLookup(g => g.AccountId);
            return Result.Ok<IReadOnlyList<AccountRow>>([.. rows.Select(r => new AccountRow(r.UserName!, r.DisplayName, r.Status.ToString(),
                [.. byAccount[r.Id].Select(g => g.Role).Distinct().Order()],
                [.. byAccount[r.Id].Select(g => new GetMe.UnitRole(g.Code, g.Name, g.Role, g.IncludeSubUnits))]))]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/accounts", async (string? unitCode, string? role, string? search, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(string.IsNullOrWhiteSpace(unitCode) ? null : unitCode, string.IsNullOrWhiteSpace(role) ? null : role, search), ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Danh sách tài khoản của các đơn vị mình quản trị");
    }
}
