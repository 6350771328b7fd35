using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Exchange;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Indicators.Features;

/// <summary>
/// The catalogue packets for the Government's system and sectoral systems (QCVN 125): the indicator catalogue (every
/// active or retired indicator as it stood on a day, with its meaning, aggregation and cells), the indicator groups
/// (sector → field tree, with their indicators) and the disaggregation categories with their options. Signed with the
/// province's key (Accounts) and described in <c>/api/exchange/schemas</c>.
/// </summary>
internal static class ShareCataloguePackets
{
    internal sealed record CatalogueQuery(DateOnly? AsOf) : IQuery<Result<IndicatorCatalogue>>;

    internal sealed record GroupsQuery : IQuery<Result<IndicatorGroups>>;

    internal sealed record DisaggregationsQuery : IQuery<Result<IndicatorDisaggregations>>;

    internal sealed record IndicatorCatalogue(DateOnly AsOf, IReadOnlyList<CatalogueIndicator> Indicators);

    /// <param name="ValueType">Integer, Decimal, Percent, Text or YesNo.</param>
    /// <param name="AcrossUnits">Sum, Average, WeightedAverage, Min, Max or None: how sub-units' values make the parent's.</param>
    /// <param name="OverTime">Sum, Average, LastValue or None: how periods make a longer one.</param>
    /// <param name="Status">Active or Retired.</param>
    /// <param name="Disaggregations">Option codes joined by '.' of the cells besides the total.</param>
    internal sealed record CatalogueIndicator(string Code, int Version, string Name, string ShortName, string UnitOfMeasure, string ValueType, int Precision,
        string AcrossUnits, string? WeightIndicator, string OverTime, string OwnerUnit, IReadOnlyList<string> Groups, string Status, string? Formula,
        IReadOnlyList<string> Disaggregations);

    internal sealed record IndicatorGroups(IReadOnlyList<IndicatorGroupEntry> Groups);

    internal sealed record IndicatorGroupEntry(string Code, string Name, string? ParentCode, IReadOnlyList<string> Indicators);

    internal sealed record IndicatorDisaggregations(IReadOnlyList<DisaggregationCategory> Categories);

    internal sealed record DisaggregationCategory(string Code, string Name, IReadOnlyList<DisaggregationOption> Options);

    internal sealed record DisaggregationOption(string Code, string Name);

    internal sealed class Handler(ISender sender, TimeProvider clock)
        : IQueryHandler<CatalogueQuery, Result<IndicatorCatalogue>>, IQueryHandler<GroupsQuery, Result<IndicatorGroups>>,
          IQueryHandler<DisaggregationsQuery, Result<IndicatorDisaggregations>>
    {
        public async ValueTask<Result<IndicatorCatalogue>> Handle(CatalogueQuery query, CancellationToken cancellationToken)
        {
            var day = query.AsOf ?? VietnamTime.Today(clock);
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            return new IndicatorCatalogue(day, [.. (await PublishedAsync(day, cancellationToken)).Select(i => new CatalogueIndicator(i.Code, i.Version, i.Name,
                i.ShortName, i.UnitOfMeasure, i.ValueType.ToString(), i.Precision, i.AcrossUnits.ToString(), i.WeightIndicator, i.OverTime.ToString(), codes.ToExchange(i.OwnerUnit), i.Groups,
                i.Status.ToString(), i.Formula, [.. i.Disaggregations.Select(d => d.Code)]))]);
        }

        public async ValueTask<Result<IndicatorGroups>> Handle(GroupsQuery query, CancellationToken cancellationToken)
        {
            var lists = await sender.Send(new ManageLists.GetLists(), cancellationToken);
            if (lists.Value is not { } found)
                return Result<IndicatorGroups>.From(lists);
            var indicators = await PublishedAsync(VietnamTime.Today(clock), cancellationToken);
            return new IndicatorGroups([.. found.Groups.Select(g => new IndicatorGroupEntry(g.Code, g.Name, g.ParentCode,
                [.. indicators.Where(i => i.Groups.Contains(g.Code)).Select(i => i.Code)]))]);
        }

        public async ValueTask<Result<IndicatorDisaggregations>> Handle(DisaggregationsQuery query, CancellationToken cancellationToken)
        {
            var lists = await sender.Send(new ManageLists.GetLists(), cancellationToken);
            return lists.Value is { } found
                ? new IndicatorDisaggregations([.. found.Categories.Select(c => new DisaggregationCategory(c.Code, c.Name, [.. c.Options.Select(o => new DisaggregationOption(o.Code, o.Name))]))])
                : Result<IndicatorDisaggregations>.From(lists);
        }

        /// <summary>Drafts are not the province's catalogue yet.</summary>
        private async Task<List<IndicatorInfo>> PublishedAsync(DateOnly day, CancellationToken cancellationToken) =>
            [.. (await sender.Send(new GetIndicators(null, day), cancellationToken)).Where(i => i.Status != IndicatorStatus.Draft).OrderBy(i => i.Code, StringComparer.Ordinal)];
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var packets = app.MapGroup("/api/exchange/packets").WithTags("Trao đổi dữ liệu");
            packets.MapGet("/indicator-catalogue", (DateOnly? asOf, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new CatalogueQuery(asOf), body => new SignPacket("indicator-catalogue", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin hệ thống chỉ số: các chỉ số đang dùng hoặc đã ngừng theo phiên bản hiệu lực tại một ngày (mặc định hôm nay)");
            packets.MapGet("/indicator-groups", (ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new GroupsQuery(), body => new SignPacket("indicator-groups", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin nhóm chỉ số: cây lĩnh vực và các chỉ số của từng nhóm");
            packets.MapGet("/indicator-disaggregations", (ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new DisaggregationsQuery(), body => new SignPacket("indicator-disaggregations", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin phân tổ chỉ số: các tiêu chí phân tổ và các giá trị của từng tiêu chí");
        }
    }
}
