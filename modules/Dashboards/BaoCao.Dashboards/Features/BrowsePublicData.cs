using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Persistence;
using BaoCao.Dashboards.Projection;
using BaoCao.Dashboards.Widgets;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// The public data page (Đ4.4), without sign-in: the indicators the province published, and for one of them the
/// published figures of the province and its units by period — published figures only, whoever asks — with the public
/// dashboards.
/// </summary>
internal static class BrowsePublicData
{
    internal sealed record Query(string? Indicator) : IQuery<PublicData>;

    internal sealed record PublicData(IReadOnlyList<PublishedIndicator> Indicators, PublishedTable? Table, IReadOnlyList<PublicDashboard> Dashboards);

    internal sealed record PublishedIndicator(string Code, string Name, string UnitOfMeasure, int Periods);

    internal sealed record PublishedTable(string Indicator, string Name, string UnitOfMeasure, int Precision, IReadOnlyList<string> Periods,
        IReadOnlyList<string> PeriodLabels, IReadOnlyList<WidgetRow> Rows);

    internal sealed record PublicDashboard(string Code, string Title, string? Description);

    internal sealed class Handler(DashboardsDbContext db, ISender sender, SeriesReader reader) : IQueryHandler<Query, PublicData>
    {
        public async ValueTask<PublicData> Handle(Query query, CancellationToken cancellationToken)
        {
            var publications = await sender.Send(new PublishData.ListPublications(null), cancellationToken);
            var indicators = publications.GroupBy(p => p.Indicator)
                .Select(g => new PublishedIndicator(g.Key, g.First().Name, g.First().UnitOfMeasure, g.Count())).ToList();
            var dashboards = await db.Dashboards.AsNoTracking().Where(d => d.Audience == Audience.Public).OrderBy(d => d.Title)
                .Select(d => new PublicDashboard(d.Code, d.Title, d.Description)).ToListAsync(cancellationToken);
            var code = Codes.Normalize(query.Indicator) ?? indicators.FirstOrDefault()?.Code;
            if (code is null || (await sender.Send(new GetIndicators([code]), cancellationToken)).SingleOrDefault() is not { } indicator)
                return new PublicData(indicators, null, dashboards);

            var spans = new List<Deadlines.Contracts.PeriodSpan>();
            foreach (var period in publications.Where(p => p.Indicator == code).Select(p => p.Period).Order(StringComparer.Ordinal))
                if (await reader.SpanAsync(period, cancellationToken) is { } span)
                    spans.Add(span);
            var tree = new UnitTree(await sender.Send(new ListAllUnits(), cancellationToken));
            var root = tree.Root!;
            var units = new[] { root }.Concat(tree.ChildrenOf(root, DateOnly.MinValue).Select(u => u.Code)).ToList();
            var values = await reader.ReadAsync(indicator, units, spans, rollup: true, FigureSource.Published, cancellationToken);
            var rows = units.Where(u => values[u].Any(v => v is not null)).Select(u => new WidgetRow(u, tree.Units[u].Name, values[u])).ToList();
            var unitOfMeasure = publications.First(p => p.Indicator == code).UnitOfMeasure;
            return new PublicData(indicators, new PublishedTable(code, indicator.Name, unitOfMeasure, indicator.Precision, [.. spans.Select(s => s.Code)],
                [.. spans.Select(s => BaoCao.Deadlines.Contracts.PeriodNames.Short(s.Code))], rows), dashboards);
        }
    }
}
