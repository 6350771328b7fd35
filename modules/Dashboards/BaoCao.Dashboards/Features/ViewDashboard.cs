using Mapster;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Persistence;
using BaoCao.Dashboards.Projection;
using BaoCao.Dashboards.Widgets;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// Leaders and officers open the dashboards made for them (a unit's leaders, a unit's officers, the whole province) and
/// anyone opens public ones without signing in; they filter by period range, unit subtree and indicator group. Figures
/// follow the viewer's scope, not the builder's: outside it, only published figures show.
/// </summary>
internal static class ViewDashboard
{
    internal sealed record ListMine : IQuery<IReadOnlyList<DashboardSummary>>;

    internal sealed record Open(string Code, DashboardFilters Filters) : IQuery<Result<DashboardData>>;

    internal sealed record DashboardSummary(string Code, string Title, string? Description, string Audience, string UnitCode, int Widgets);

    internal sealed class Handler(DashboardsDbContext db, ViewerScope scope, WidgetComposer composer, DashboardCache cache, ICurrentUser user, TimeProvider clock)
        : IQueryHandler<ListMine, IReadOnlyList<DashboardSummary>>, IQueryHandler<Open, Result<DashboardData>>
    {
        public async ValueTask<IReadOnlyList<DashboardSummary>> Handle(ListMine query, CancellationToken cancellationToken)
        {
            var all = await db.Dashboards.AsNoTracking().OrderBy(d => d.Title).ToListAsync(cancellationToken);
            var mine = new List<DashboardSummary>();
            foreach (var dashboard in all)
                if (await scope.MayOpenAsync(dashboard, cancellationToken))
                    mine.Add(dashboard.Adapt<DashboardSummary>(DashboardsMappings.Config));
            return mine;
        }

        public async ValueTask<Result<DashboardData>> Handle(Open query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Code);
            var dashboard = await db.Dashboards.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            if (dashboard is null)
                return Result<DashboardData>.NotFound($"Không có bảng điều khiển mã '{query.Code}'.");
            if (!await scope.MayOpenAsync(dashboard, cancellationToken))
                return user.IsAuthenticated
                    ? Result<DashboardData>.Forbidden("Bảng điều khiển này không dành cho bạn.")
                    : Result<DashboardData>.From(Result.Unauthorized("Hãy đăng nhập để xem bảng điều khiển này."));
            var checkpoint = await db.Checkpoints.AsNoTracking().Where(c => c.Name == Checkpoint.Aggregates).Select(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
            var published = await db.Publications.AsNoTracking().GroupBy(p => 1)
                .Select(g => new { Count = g.Count(), Last = g.Max(p => p.PublishedAt) }).FirstOrDefaultAsync(cancellationToken);
            var f = query.Filters;
            var key = string.Join('|', dashboard.Code, dashboard.Version, f.From, f.To, f.Unit, f.Group, await scope.KeyAsync(cancellationToken), checkpoint,
                published?.Count, published?.Last.UtcTicks, VietnamTime.Today(clock).DayNumber);
            return await cache.GetOrComposeAsync(key, () => composer.ComposeAsync(dashboard, f, cancellationToken), r => r.IsSuccess);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var dashboards = app.MapGroup("/api/dashboards").WithTags("Bảng điều khiển");
            dashboards.MapGet("", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new ListMine(), ct)))
                .AllowAnonymous() // anonymous callers see the public dashboards
                .WithSummary("Các bảng điều khiển dành cho người gọi");
            dashboards.MapGet("/{code}", async (string code, string? from, string? to, string? unit, string? group, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Open(code, new DashboardFilters(from, to, unit, group)), ct)).ToHttpResult())
                .AllowAnonymous() // public dashboards; the handler refuses the others
                .WithSummary("Số liệu của các tiện ích trên một bảng điều khiển, theo bộ lọc kỳ, đơn vị, nhóm chỉ số");
        }
    }
}
