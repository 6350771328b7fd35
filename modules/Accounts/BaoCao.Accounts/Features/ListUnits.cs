using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using BaoCao.SharedKernel.Time;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>The unit tree as far as the caller's grants reach (filtered in SQL); merged units on request.</summary>
internal static class ListUnits
{
    internal sealed record Query(bool IncludeMerged = false) : IQuery<Result<IReadOnlyList<UnitNode>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ViewUnits;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record UnitNode(string Code, string Name, string Kind, string KindLabel, string? AdministrativeCode,
        DateOnly ValidFrom, DateOnly? ValidTo, string? SuccessorCode, IReadOnlyList<UnitNode> Children);

    internal sealed class Handler(AccountsDbContext db, Grants grants, TimeProvider clock) : IQueryHandler<Query, Result<IReadOnlyList<UnitNode>>>
    {
        public async ValueTask<Result<IReadOnlyList<UnitNode>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = VietnamTime.Today(clock);
            var visible = db.Units.AsNoTracking().Where(await grants.UnitScopeAsync(Permissions.ViewUnits, cancellationToken));
            if (!query.IncludeMerged)
                visible = visible.Where(u => u.ValidTo == null || u.ValidTo >= today);
            var units = await visible.OrderBy(u => u.Name).ToListAsync(cancellationToken);
            var codes = await db.Units.AsNoTracking().Where(u => units.Select(x => x.SuccessorId).Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
            var byParent = units.ToLookup(u => u.ParentId);
            var ids = units.Select(u => u.Id).ToHashSet();

            UnitNode Node(Unit unit) => new(unit.Code, unit.Name, unit.Kind.ToString(), Unit.Label(unit.Kind), unit.AdministrativeCode,
                unit.ValidFrom, unit.ValidTo, unit.SuccessorId is { } s ? codes.GetValueOrDefault(s) : null,
                [.. byParent[unit.Id].OrderBy(KindOrder).ThenBy(u => u.Name, StringComparer.Create(VietnamTime.Culture, false)).Select(Node)]);

            // Roots are the units whose parent the caller cannot see.
            return Result.Ok<IReadOnlyList<UnitNode>>([.. units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).OrderBy(KindOrder).Select(Node)]);
        }

        private static int KindOrder(Unit unit) => (int)unit.Kind;
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/units", async (bool? includeMerged, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(includeMerged ?? false), ct)).ToHttpResult())
                .WithTags("Đơn vị")
                .WithSummary("Cây đơn vị trong phạm vi của người dùng");
    }
}
