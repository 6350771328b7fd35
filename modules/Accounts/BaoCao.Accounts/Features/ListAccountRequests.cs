using Mapster;
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
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>The request queue: pending requests first, the most urgent on top, overdue ones flagged.</summary>
internal static class ListAccountRequests
{
    internal sealed record Query(AccountRequestStatus? Status) : IQuery<Result<IReadOnlyList<Row>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.RequestAccounts;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record Row(Guid Id, string UnitCode, string UnitName, AccountRequestKind Kind, string KindLabel, string DocumentNumber,
        DateOnly DocumentDate, string UserName, string? DisplayName, string? Role, string FiledBy, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
        AccountRequestStatus Status, bool Overdue, DateTimeOffset? HandledAt, string? HandledBy, string? Outcome);

    internal sealed class Handler(AccountsDbContext db, Grants grants, TimeProvider clock) : IQueryHandler<Query, Result<IReadOnlyList<Row>>>
    {
        public async ValueTask<Result<IReadOnlyList<Row>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var units = db.Units.Where(await grants.UnitScopeAsync(Permissions.RequestAccounts, cancellationToken));
            var requests = db.AccountRequests.AsNoTracking();
            if (query.Status is { } status)
                requests = requests.Where(r => r.Status == status);
            var rows = await (from request in requests
                              join unit in units on request.RequestingUnitId equals unit.Id
                              orderby request.Status, request.DueAt
                              select new { request, unit.Code, unit.Name })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            return Result.Ok<IReadOnlyList<Row>>([.. rows.Select(r => r.request.Adapt<Row>(AccountsMappings.Config) with
                { UnitCode = r.Code, UnitName = r.Name, Overdue = r.request.IsOverdue(now) })]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/accounts/requests", async (AccountRequestStatus? status, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(status), ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Danh sách đề nghị về tài khoản, hạn xử lý và tình trạng");
    }
}
