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

/// <summary>One unit with its contacts, parent, successor and direct sub-units. A unit outside the caller's
/// scope is "not found", so codes of other units cannot be probed.</summary>
internal static class GetUnit
{
    internal sealed record Query(string Code) : IQuery<Result<UnitDetails>>;

    internal sealed record UnitRef(string Code, string Name);

    internal sealed record UnitDetails(string Code, string Name, string Kind, string KindLabel, string? AdministrativeCode,
        string? OfficialEmail, string? LeaderEmail, DateOnly ValidFrom, DateOnly? ValidTo,
        UnitRef? Parent, UnitRef? Successor, IReadOnlyList<UnitRef> Children, long Version);

    internal sealed class Handler(AccountsDbContext db, Grants grants) : IQueryHandler<Query, Result<UnitDetails>>
    {
        public async ValueTask<Result<UnitDetails>> Handle(Query query, CancellationToken cancellationToken)
        {
            var scope = await grants.UnitScopeAsync(Permissions.ViewUnits, cancellationToken);
            var unit = await db.Units.AsNoTracking().Where(scope).SingleOrDefaultAsync(u => u.Code == query.Code, cancellationToken);
            if (unit is null)
                return Result<UnitDetails>.NotFound($"Không tìm thấy đơn vị có mã '{query.Code}' trong phạm vi của bạn.");
            var related = await db.Units.AsNoTracking()
                .Where(u => u.Id == unit.ParentId || u.Id == unit.SuccessorId || u.ParentId == unit.Id)
                .Select(u => new { u.Id, u.ParentId, u.Code, u.Name })
                .ToListAsync(cancellationToken);
            UnitRef? Ref(Guid? id) => related.FirstOrDefault(r => r.Id == id) is { } r ? new UnitRef(r.Code, r.Name) : null;
            return new UnitDetails(unit.Code, unit.Name, unit.Kind.ToString(), Domain.Unit.Label(unit.Kind), unit.AdministrativeCode,
                unit.OfficialEmail, unit.LeaderEmail, unit.ValidFrom, unit.ValidTo, Ref(unit.ParentId), Ref(unit.SuccessorId),
                [.. related.Where(r => r.ParentId == unit.Id).OrderBy(r => r.Name).Select(r => new UnitRef(r.Code, r.Name))], unit.Version);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/units/{code}", async (string code, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(code), ct)).ToHttpResult())
                .WithTags("Đơn vị")
                .WithSummary("Thông tin một đơn vị");
    }
}
