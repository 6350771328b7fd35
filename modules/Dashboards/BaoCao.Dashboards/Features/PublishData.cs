using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Persistence;
using BaoCao.Dashboards.Projection;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Dashboards.Features;

/// <summary>
/// Publishing (Đ4.4): a province administrator makes the approved figures of chosen indicators and periods public — every
/// unit's own figure and every roll-up, as they stand now. Public pages and anonymous API callers read only published
/// figures; a figure approved again later becomes public only when published again. Withdrawing removes it. A quarter,
/// half-year, nine months or year is published only for the units whose figure holds all its parts: the public never
/// reads a partial total (signed-in viewers see it marked incomplete).
/// </summary>
internal static class PublishData
{
    public const int MaximumPairs = 240;

    internal sealed record Publish(IReadOnlyList<string>? Indicators, IReadOnlyList<string>? Periods) : ICommand<Result<IReadOnlyList<PublicationView>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.PublishData;
    }

    internal sealed record Withdraw(string Indicator, string Period) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.PublishData;
    }

    internal sealed record ListPublications(string? Indicator) : IQuery<IReadOnlyList<PublicationView>>;

    internal sealed record PublicationView(string Indicator, string Name, string UnitOfMeasure, string Period, DateTimeOffset PublishedAt, string PublishedBy, int Points);

    internal sealed class PublishValidator : AbstractValidator<Publish>
    {
        public PublishValidator()
        {
            RuleFor(c => c.Indicators).NotEmpty().WithMessage("Chọn ít nhất một chỉ số để công khai.");
            RuleFor(c => c.Periods).NotEmpty().WithMessage("Chọn ít nhất một kỳ để công khai.");
            RuleFor(c => c).Must(c => (c.Indicators?.Count ?? 0) * (c.Periods?.Count ?? 0) <= MaximumPairs)
                .WithMessage($"Mỗi lần công khai tối đa {MaximumPairs} cặp chỉ số - kỳ.").WithName("periods");
        }
    }

    internal sealed class Handler(DashboardsDbContext db, ISender sender, SeriesReader reader, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Publish, Result<IReadOnlyList<PublicationView>>>, ICommandHandler<Withdraw, Result>, IQueryHandler<ListPublications, IReadOnlyList<PublicationView>>
    {
        public async ValueTask<Result<IReadOnlyList<PublicationView>>> Handle(Publish command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.PublishData), cancellationToken))
                return Result<IReadOnlyList<PublicationView>>.Forbidden("Chỉ quản trị cấp tỉnh công khai số liệu.");
            var codes = command.Indicators!.Select(c => Codes.Normalize(c)).Distinct().ToList();
            var indicators = (await sender.Send(new GetIndicators(codes), cancellationToken)).ToDictionary(i => i.Code);
            if (codes.FirstOrDefault(c => !indicators.ContainsKey(c)) is { } unknown)
                return Result<IReadOnlyList<PublicationView>>.Invalid($"Không có chỉ số mã '{unknown}'.", "indicators");
            var spans = new List<Deadlines.Contracts.PeriodSpan>();
            foreach (var period in command.Periods!.Select(p => Codes.Normalize(p)).Distinct())
            {
                if (await reader.SpanAsync(period, cancellationToken) is not { } span)
                    return Result<IReadOnlyList<PublicationView>>.Invalid($"Kỳ '{period}' không hợp lệ.", "periods");
                spans.Add(span);
            }
            var (published, incomplete) = await PublishAsync(db, sender, reader, [.. codes.Select(c => indicators[c])], spans, user.UserName ?? "system", clock.GetUtcNow(), cancellationToken);
            if (published == 0)
                return Result<IReadOnlyList<PublicationView>>.Invalid(incomplete > 0
                    ? "Số liệu của các kỳ đã chọn chưa đủ các kỳ thành phần (tháng, quý) đã duyệt: không công khai số liệu tổng hợp chưa đủ kỳ."
                    : "Chưa có số liệu đã duyệt nào của các chỉ số, kỳ đã chọn để công khai.", "periods");
            return Result.Ok<IReadOnlyList<PublicationView>>([.. (await Handle(new ListPublications(null), cancellationToken))
                .Where(p => codes.Contains(p.Indicator) && spans.Any(s => s.Code == p.Period))]);
        }

        public async ValueTask<Result> Handle(Withdraw command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.PublishData), cancellationToken))
                return Result.Forbidden("Chỉ quản trị cấp tỉnh thôi công khai số liệu.");
            var indicator = Codes.Normalize(command.Indicator);
            var period = Codes.Normalize(command.Period);
            var removed = await db.Publications.Where(p => p.Indicator == indicator && p.Period == period).ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
                return Result.NotFound($"Số liệu chỉ số {indicator} kỳ {period} chưa được công khai.");
            await db.PublishedPoints.Where(p => p.Indicator == indicator && p.Period == period).ExecuteDeleteAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<IReadOnlyList<PublicationView>> Handle(ListPublications query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Indicator);
            var publications = await db.Publications.AsNoTracking().Where(p => code == null || p.Indicator == code)
                .OrderBy(p => p.Indicator).ThenByDescending(p => p.Period).ToListAsync(cancellationToken);
            var names = (await sender.Send(new GetIndicators([.. publications.Select(p => p.Indicator).Distinct()]), cancellationToken)).ToDictionary(i => i.Code);
            var units = await sender.Send(new ListUnitsOfMeasure(), cancellationToken);
            return [.. publications.Select(p => new PublicationView(p.Indicator, names.GetValueOrDefault(p.Indicator)?.Name ?? p.Indicator,
                names.GetValueOrDefault(p.Indicator) is { } i ? units.GetValueOrDefault(i.UnitOfMeasure, i.UnitOfMeasure) : "",
                p.Period, p.PublishedAt, p.PublishedBy, p.Points))];
        }
    }

    /// <summary>Snapshots the approved figures of the indicators and periods (every unit's own, every roll-up) as published;
    /// returns how many figures were published and how many were left out because their period lacked parts. A pair with
    /// no complete figure at all is not published.</summary>
    public static async Task<(int Published, int Incomplete)> PublishAsync(DashboardsDbContext db, ISender sender, SeriesReader reader, IReadOnlyList<IndicatorInfo> indicators,
        IReadOnlyList<Deadlines.Contracts.PeriodSpan> spans, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tree = new UnitTree(await sender.Send(new ListAllUnits(), cancellationToken));
        var parents = tree.Parents.ToList();
        var (published, incomplete) = (0, 0);
        // The command's transaction (TransactionBehavior); the demo seed, outside the pipeline, brings none.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var indicator in indicators)
        {
            foreach (var span in spans)
            {
                var own = await reader.ReadFiguresAsync(indicator, null, [span], rollup: false, FigureSource.Approved, cancellationToken);
                var rolled = await reader.ReadFiguresAsync(indicator, parents, [span], rollup: true, FigureSource.Approved, cancellationToken);
                incomplete += own.Values.Concat(rolled.Values).Count(f => f[0] is { Value: not null, Complete: false });
                var points = own.Where(o => o.Value[0] is { Value: not null, Complete: true }).Select(o => new PublishedPoint(indicator.Code, o.Key, span.Code, false, o.Value[0].Value!.Value))
                    .Concat(rolled.Where(r => r.Value[0] is { Value: not null, Complete: true }).Select(r => new PublishedPoint(indicator.Code, r.Key, span.Code, true, r.Value[0].Value!.Value)))
                    .ToList();
                if (points.Count == 0)
                    continue;
                await db.PublishedPoints.Where(p => p.Indicator == indicator.Code && p.Period == span.Code).ExecuteDeleteAsync(cancellationToken);
                db.PublishedPoints.AddRange(points);
                var publication = await db.Publications.SingleOrDefaultAsync(p => p.Indicator == indicator.Code && p.Period == span.Code, cancellationToken);
                if (publication is null)
                    db.Publications.Add(publication = new Publication(indicator.Code, span.Code, now, by));
                publication.PublishedAt = now;
                publication.PublishedBy = by;
                publication.Points = points.Count;
                published += points.Count;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return (published, incomplete);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var publications = app.MapGroup("/api/dashboards/publications").WithTags("Dữ liệu công khai");
            publications.MapGet("", async (string? indicator, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new ListPublications(indicator), ct)))
                .AllowAnonymous()
                .WithSummary("Các chỉ số, kỳ đã công khai");
            publications.MapPost("", async (Publish command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Công khai số liệu đã duyệt của các chỉ số, kỳ đã chọn (chụp lại số liệu hiện tại)");
            publications.MapDelete("/{indicator}/{period}", async (string indicator, string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Withdraw(indicator, period), ct)).ToHttpResult())
                .WithSummary("Thôi công khai số liệu của một chỉ số, một kỳ");
        }
    }
}
