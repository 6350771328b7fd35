using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>Who am I: name, roles and the units I act for, with the role in each.</summary>
internal static class GetMe
{
    internal sealed record Query : IQuery<Result<Me>>;

    internal sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<UnitRole> Units);

    internal sealed record UnitRole(string Code, string Name, string Role, bool IncludeSubUnits);

    internal sealed class Handler(AccountsDbContext db, ICurrentUser user, Grants grants) : IQueryHandler<Query, Result<Me>>
    {
        public async ValueTask<Result<Me>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!user.IsAuthenticated || user.UserName is null)
                return Result<Me>.From(Result.Unauthorized());
            var normalized = user.UserName.ToUpperInvariant();
            var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedUserName == normalized && a.Status == AccountStatus.Active, cancellationToken);
            if (account is null)
                return Result<Me>.From(Result.Unauthorized());
            var mine = await grants.MineAsync(cancellationToken);
            return new Me(account.UserName!, account.DisplayName,
                [.. mine.Select(g => g.Role).Distinct().Order()],
                [.. mine.OrderBy(g => g.UnitPath.Length).ThenBy(g => g.UnitCode).Select(g => new UnitRole(g.UnitCode, g.UnitName, g.Role, g.IncludeSubUnits))]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/me", async (ISender sender, CancellationToken ct) => (await sender.Send(new Query(), ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Thông tin người đang đăng nhập: vai trò và đơn vị");
    }
}
