using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.Workflow.Contracts;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// Who owes a regime's report for a period and how they stand: expected, submitted (sent and not returned by the
/// receiving unit), on time, late, missing — counted over the owed reports only, so a rate never exceeds 100 %. For the
/// receiving unit, the regime's lead unit and the province office.
/// </summary>
internal static class TrackDeadlines
{
    internal sealed record Query(string? Regime, string? Period) : IQuery<Result<IReadOnlyList<UnitStatus>>>;

    internal sealed record UnitStatus(string UnitCode, int Expected, int Submitted, int OnTime, int Late, int Missing, DateOnly DueDate);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Regime).NotEmpty().WithMessage("Cần mã chế độ báo cáo (regime).");
            RuleFor(q => q.Period).NotEmpty().WithMessage("Cần kỳ báo cáo (period), ví dụ 202610.");
        }
    }

    internal sealed class Handler(DeadlinesDbContext db, ISender sender) : IQueryHandler<Query, Result<IReadOnlyList<UnitStatus>>>
    {
        public async ValueTask<Result<IReadOnlyList<UnitStatus>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = query.Regime!.Trim().ToUpperInvariant();
            var period = query.Period!.Trim().ToUpperInvariant();
            if (await sender.Send(new GetRegime(code), cancellationToken) is not { } regime)
                return Result<IReadOnlyList<UnitStatus>>.NotFound($"Không có chế độ báo cáo mã '{query.Regime}'.");
            if (!await sender.Send(new CheckTrackingAccess(regime.Code), cancellationToken))
                return Result<IReadOnlyList<UnitStatus>>.Forbidden($"Chỉ đơn vị nhận ({regime.ReceivingUnit}), đơn vị chủ trì ({regime.OwnerUnit}) và Văn phòng UBND tỉnh theo dõi thời hạn của chế độ này.");
            var expected = await db.ExpectedReports.AsNoTracking().Where(e => e.RegimeCode == code && e.Period == period)
                .OrderBy(e => e.UnitCode).ToListAsync(cancellationToken);
            var statuses = (await sender.Send(new ListReportStatuses(code, period), cancellationToken)).ToDictionary(s => s.UnitCode);
            return Result.Ok<IReadOnlyList<UnitStatus>>([.. expected.Select(e =>
            {
                var status = statuses.GetValueOrDefault(e.UnitCode);
                var reported = status?.Reported == true;
                return new UnitStatus(e.UnitCode, 1, reported ? 1 : 0, reported && status!.Late != true ? 1 : 0, reported && status!.Late == true ? 1 : 0,
                    reported ? 0 : 1, e.DueDate);
            })]);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/deadlines/status", async (string? regime, string? period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(regime, period), ct)).ToHttpResult())
                .WithTags("Nhắc hạn")
                .WithSummary("Tình hình gửi báo cáo của một chế độ, một kỳ: mỗi đơn vị phải báo cáo, đã gửi, đúng hạn, muộn, chưa gửi");
    }
}
