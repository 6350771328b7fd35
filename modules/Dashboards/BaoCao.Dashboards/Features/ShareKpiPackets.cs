using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Persistence;
using BaoCao.Dashboards.Projection;
using BaoCao.Deadlines.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Exchange;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// The KPI packets for the Government's system (QCVN 125): a KPI set (the KPI tiles of a dashboard — which indicators,
/// for which unit, own values or the roll-up of the sub-units) and KPI data (their values for a period, with the same
/// period last year). Built under the caller's dashboard access (who may open it, what they may see: published figures
/// only for the public), signed with the province's key (Accounts), described in <c>/api/exchange/schemas</c>.
/// </summary>
internal static class ShareKpiPackets
{
    internal sealed record SetQuery(string? Dashboard) : IQuery<Result<KpiSet>>;

    internal sealed record DataQuery(string? Dashboard, string? Period, string? OrgUnit) : IQuery<Result<KpiData>>;

    /// <param name="PeriodKind">Month, Quarter, HalfYear or Year.</param>
    internal sealed record KpiSet(string Dashboard, string Title, string OrgUnit, string PeriodKind, IReadOnlyList<Kpi> Kpis);

    /// <param name="Rollup">The unit's roll-up of its sub-units (true) or its own approved values.</param>
    internal sealed record Kpi(string Indicator, string Title, string Name, string UnitOfMeasure, bool Rollup);

    internal sealed record KpiData(string Dashboard, string Period, string OrgUnit, IReadOnlyList<KpiValue> Values);

    /// <param name="Value">Null when there is no approved value (or none published, for the public).</param>
    internal sealed record KpiValue(string Indicator, decimal? Value, string SameLastYearPeriod, decimal? SameLastYear);

    internal sealed class Handler(DashboardsDbContext db, ViewerScope scope, ISender sender)
        : IQueryHandler<SetQuery, Result<KpiSet>>, IQueryHandler<DataQuery, Result<KpiData>>
    {
        public async ValueTask<Result<KpiSet>> Handle(SetQuery query, CancellationToken cancellationToken)
        {
            var found = await DashboardAsync(query.Dashboard, cancellationToken);
            if (found.Value is not { } dashboard)
                return Result<KpiSet>.From(found);
            var tiles = Tiles(dashboard);
            var indicators = (await sender.Send(new GetIndicators([.. tiles.Select(t => t.Indicators[0])]), cancellationToken)).ToDictionary(i => i.Code);
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            return new KpiSet(dashboard.Code, dashboard.Title, codes.ToExchange(dashboard.UnitCode), dashboard.PeriodKind, [.. tiles.Select(t => indicators.GetValueOrDefault(t.Indicators[0]) is { } i
                ? new Kpi(i.Code, t.Title, i.Name, i.UnitOfMeasure, t.Rollup) : new Kpi(t.Indicators[0], t.Title, t.Indicators[0], "", t.Rollup))]);
        }

        public async ValueTask<Result<KpiData>> Handle(DataQuery query, CancellationToken cancellationToken)
        {
            var found = await DashboardAsync(query.Dashboard, cancellationToken);
            if (found.Value is not { } dashboard)
                return Result<KpiData>.From(found);
            if (string.IsNullOrWhiteSpace(query.Period) || await sender.Send(new GetRelatedPeriods(Codes.Normalize(query.Period)), cancellationToken) is not { } related)
                return Result<KpiData>.Invalid($"Cần kỳ báo cáo hợp lệ (period), ví dụ 202610 hoặc 2026Q3.", "period");
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            var unit = string.IsNullOrWhiteSpace(query.OrgUnit) ? dashboard.UnitCode : codes.FromExchange(query.OrgUnit);
            if (await sender.Send(new FindUnit(unit), cancellationToken) is null)
                return Result<KpiData>.NotFound($"Không có đơn vị mã '{query.OrgUnit}'.");
            var periods = await sender.Send(new ListPeriods(related.SameLastYear, related.Code), cancellationToken);
            if (periods is null)
                return Result<KpiData>.Invalid($"Kỳ '{query.Period}' không dùng được cho số liệu KPI.", "period");
            var tiles = Tiles(dashboard);
            var indicators = (await sender.Send(new GetIndicators([.. tiles.Select(t => t.Indicators[0])]), cancellationToken)).ToDictionary(i => i.Code);
            var values = new List<KpiValue>();
            foreach (var tile in tiles)
            {
                if (indicators.GetValueOrDefault(tile.Indicators[0]) is not { } indicator)
                    continue;
                var series = (await scope.ReadAsync(indicator, [unit], [periods[0], periods[^1]], tile.Rollup, cancellationToken))[unit];
                values.Add(new KpiValue(indicator.Code, series[1], related.SameLastYear, series[0]));
            }
            return new KpiData(dashboard.Code, related.Code, codes.ToExchange(unit), values);
        }

        private static List<Widget> Tiles(Dashboard dashboard) => [.. dashboard.Widgets.Where(w => w.Kind == WidgetKind.Kpi && w.Indicators.Count > 0)];

        private async Task<Result<Dashboard>> DashboardAsync(string? code, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(code))
                return Result<Dashboard>.Invalid("Cần mã bảng điều khiển (dashboard).", "dashboard");
            var key = Codes.Normalize(code);
            var dashboard = await db.Dashboards.AsNoTracking().SingleOrDefaultAsync(d => d.Code == key, cancellationToken);
            if (dashboard is null)
                return Result<Dashboard>.NotFound($"Không có bảng điều khiển mã '{code}'.");
            return await scope.MayOpenAsync(dashboard, cancellationToken) ? dashboard : Result<Dashboard>.Forbidden("Bảng điều khiển này không dành cho bạn.");
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var packets = app.MapGroup("/api/exchange/packets").WithTags("Trao đổi dữ liệu");
            packets.MapGet("/kpi-set", (string? dashboard, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new SetQuery(dashboard), body => new SignPacket("kpi-set", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin bộ chỉ số KPI: các ô KPI của một bảng điều khiển (chỉ số, đơn vị, tổng hợp hay số liệu riêng)");
            packets.MapGet("/kpi-data", (string? dashboard, string? period, string? orgUnit, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new DataQuery(dashboard, period, orgUnit), body => new SignPacket("kpi-data", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin số liệu KPI của một kỳ (kèm cùng kỳ năm trước) cho một đơn vị");
        }
    }
}
