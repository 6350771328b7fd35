using BaoCao.Deadlines.Contracts;
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
            var code = Codes.Normalize(query.Regime!);
            var period = Codes.Normalize(query.Period!);
            if (await sender.Send(new GetRegime(code), cancellationToken) is not { } regime)
                return Result<IReadOnlyList<UnitStatus>>.NotFound($"Không có chế độ báo cáo mã '{query.Regime}'.");
            if (!await sender.Send(new CheckTrackingAccess(regime.Code), cancellationToken))
                return Result<IReadOnlyList<UnitStatus>>.Forbidden($"Chỉ đơn vị nhận ({regime.ReceivingUnit}), đơn vị chủ trì ({regime.OwnerUnit}) và Văn phòng UBND tỉnh theo dõi thời hạn của chế độ này.");
            var expected = await db.ExpectedReports.AsNoTracking().Where(e => e.RegimeCode == code && e.Period == period)
                .OrderBy(e => e.UnitCode).ToListAsync(cancellationToken);
            var statuses = (await sender.Send(new ListReportStatuses(code, period), cancellationToken)).ToDictionary(s => s.UnitCode);
            return Result.Ok<IReadOnlyList<UnitStatus>>([.. expected.Select(e =>
            {
                var (reported, late) = Classify(statuses.GetValueOrDefault(e.UnitCode));
                return new UnitStatus(e.UnitCode, 1, reported ? 1 : 0, reported && !late ? 1 : 0, late ? 1 : 0, reported ? 0 : 1, e.DueDate);
            })]);
        }
    }

    /// <summary>An owed report counts as submitted when sent and not returned by the receiving unit; late when sent after its due date.</summary>
    internal static (bool Reported, bool Late) Classify(ReportStatus? status) =>
        status?.Reported == true ? (true, status.Late == true) : (false, false);

    internal sealed class Completeness(DeadlinesDbContext db, ISender sender) : IQueryHandler<GetReportingCompleteness, IReadOnlyList<PeriodCompleteness>>
    {
        public async ValueTask<IReadOnlyList<PeriodCompleteness>> Handle(GetReportingCompleteness query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.RegimeCode);
            var periods = query.Periods.Select(p => Codes.Normalize(p)).ToList();
            var expected = (await db.ExpectedReports.AsNoTracking().Where(e => e.RegimeCode == code && periods.Contains(e.Period))
                .Select(e => new { e.Period, e.UnitCode }).ToListAsync(cancellationToken)).ToLookup(e => e.Period, e => e.UnitCode);
            var result = new List<PeriodCompleteness>();
            foreach (var period in periods)
            {
                var owed = expected[period].ToList();
                var statuses = owed.Count == 0 ? [] : (await sender.Send(new ListReportStatuses(code, period), cancellationToken)).ToDictionary(s => s.UnitCode);
                var classified = owed.Select(u => Classify(statuses.GetValueOrDefault(u))).ToList();
                result.Add(new PeriodCompleteness(period, owed.Count, classified.Count(c => c.Reported && !c.Late), classified.Count(c => c.Late),
                    classified.Count(c => !c.Reported)));
            }
            return result;
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
