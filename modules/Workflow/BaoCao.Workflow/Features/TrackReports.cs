using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Time;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Lists the reports a user works with (their units' reports, and those sent to their units), and the tracking board
/// of a regime and period ("theo dõi tình hình làm báo cáo"): every unit that owes the report, whether it has sent it,
/// on time or late, is still writing it, or has not started — for the receiving unit, the regime's lead unit and the
/// province office.
/// </summary>
internal static class TrackReports
{
    internal sealed record List(string? RegimeCode, string? Period, bool Incoming) : IQuery<Result<IReadOnlyList<ReportSummary>>>;

    internal sealed record Board(string? RegimeCode, string? Period) : IQuery<Result<TrackingBoard>>;

    internal sealed record ReportSummary(string RegimeCode, string UnitCode, string Period, string ReceivingUnit, string State, string StateLabel,
        DateOnly DueDate, DateTimeOffset? SentAt, bool? Late, DateTimeOffset? ReceivedAt);

    /// <param name="Status">NotStarted, Writing (draft, returned), AwaitingApproval, Approved (not yet sent), Sent, Received, Rejected.</param>
    internal sealed record TrackingRow(string UnitCode, string UnitName, string Status, string StatusLabel, DateTimeOffset? SentAt, bool? Late, bool Overdue, string? Reason);

    internal sealed record TrackingBoard(string RegimeCode, string RegimeName, string Period, DateOnly DueDate, int Expected, int Sent, int OnTime, int Late,
        int NotSent, int Overdue, IReadOnlyList<TrackingRow> Units);

    /// <summary>The receiving unit's and the lead unit's trackers and receivers, and the province office.</summary>
    internal static async Task<bool> MayTrackAsync(ISender sender, RegimeInfo regime, CancellationToken cancellationToken)
    {
        foreach (var unit in new[] { regime.ReceivingUnit, regime.OwnerUnit })
        {
            if (await sender.Send(new CheckAccess(Permissions.TrackReporting, unit), cancellationToken)
                || await sender.Send(new CheckAccess(Permissions.ReceiveReports, unit), cancellationToken))
                return true;
        }
        return await sender.Send(new CheckProvinceWideAccess(Permissions.TrackReporting), cancellationToken);
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender, TimeProvider clock)
        : IQueryHandler<List, Result<IReadOnlyList<ReportSummary>>>, IQueryHandler<Board, Result<TrackingBoard>>
    {
        public async ValueTask<Result<IReadOnlyList<ReportSummary>>> Handle(List query, CancellationToken cancellationToken)
        {
            var reports = db.Reports.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.RegimeCode))
                reports = reports.Where(r => r.RegimeCode == query.RegimeCode.Trim().ToUpper());
            if (!string.IsNullOrWhiteSpace(query.Period))
                reports = reports.Where(r => r.Period == query.Period.Trim().ToUpper());
            var sent = new[] { ReportState.Sent, ReportState.Received, ReportState.Rejected };
            if (query.Incoming)
            {
                var receiving = await sender.Send(new GetUnitCodesInScope(Permissions.ReceiveReports), cancellationToken);
                reports = reports.Where(r => receiving.Contains(r.ReceivingUnit) && sent.Contains(r.State));
            }
            else
            {
                var units = (await sender.Send(new GetUnitCodesInScope(Permissions.CreateReports), cancellationToken))
                    .Concat(await sender.Send(new GetUnitCodesInScope(Permissions.ApproveReports), cancellationToken)).Distinct().ToList();
                reports = reports.Where(r => units.Contains(r.UnitCode));
            }
            var found = await reports.OrderByDescending(r => r.Period).ThenBy(r => r.RegimeCode).ThenBy(r => r.UnitCode).Take(2000)
                .Select(r => new { r.RegimeCode, r.UnitCode, r.Period, r.ReceivingUnit, r.State, r.DueDate, r.SentAt, r.Late, r.ReceivedAt })
                .ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<ReportSummary>>([.. found.Select(r => new ReportSummary(r.RegimeCode, r.UnitCode, r.Period, r.ReceivingUnit,
                r.State.ToString(), ReportStateMachine.Label(r.State), r.DueDate, r.SentAt, r.Late, r.ReceivedAt))]);
        }

        public async ValueTask<Result<TrackingBoard>> Handle(Board query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(query.RegimeCode) || string.IsNullOrWhiteSpace(query.Period))
                return Result<TrackingBoard>.Invalid("Cần mã chế độ báo cáo (regimeCode) và kỳ báo cáo (period).", string.IsNullOrWhiteSpace(query.RegimeCode) ? "regimeCode" : "period");
            if (await sender.Send(new GetRegime(Codes.Normalize(query.RegimeCode)), cancellationToken) is not { } regime)
                return Result<TrackingBoard>.NotFound($"Không có chế độ báo cáo mã '{query.RegimeCode}'.");
            if (!await MayTrackAsync(sender, regime, cancellationToken))
                return Result<TrackingBoard>.Forbidden($"Chỉ đơn vị nhận ({regime.ReceivingUnit}), đơn vị chủ trì ({regime.OwnerUnit}) và Văn phòng UBND tỉnh theo dõi tình hình báo cáo này.");
            var resolved = await Reports.ReportScope.PeriodOfAsync(sender, regime, query.Period, cancellationToken);
            if (resolved.Value is not { } period)
                return Result<TrackingBoard>.From(resolved);
            var reports = await db.Reports.AsNoTracking().Where(r => r.RegimeCode == regime.Code && r.Period == period.Code).ToListAsync(cancellationToken);
            var names = (await sender.Send(new ListAllUnits(), cancellationToken)).ToDictionary(u => u.Code, u => u.Name);
            var today = VietnamTime.Today(clock);
            var rows = regime.ReportingUnits.Select(unit =>
            {
                var report = reports.FirstOrDefault(r => r.UnitCode == unit);
                var status = report?.State switch
                {
                    null => "NotStarted",
                    ReportState.Draft or ReportState.Returned => "Writing",
                    ReportState.Submitted => "AwaitingApproval",
                    { } state => state.ToString(),
                };
                var sent = report?.SentAt is not null && report.State is ReportState.Sent or ReportState.Received;
                return new TrackingRow(unit, names.GetValueOrDefault(unit, unit), status, StatusLabel(status), sent ? report!.SentAt : null,
                    sent ? report!.Late : null, !sent && today > period.DueDate, report?.Reason);
            }).OrderBy(r => r.Status == "NotStarted" ? 0 : r.SentAt is null ? 1 : 2).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
            var sentCount = rows.Count(r => r.SentAt is not null);
            return new TrackingBoard(regime.Code, regime.Name, period.Code, period.DueDate, rows.Count, sentCount, rows.Count(r => r.Late == false),
                rows.Count(r => r.Late == true), rows.Count - sentCount, rows.Count(r => r.Overdue), rows);
        }

        private static string StatusLabel(string status) => status switch
        {
            "NotStarted" => "Chưa lập báo cáo",
            "Writing" => "Đang soạn",
            "AwaitingApproval" => "Chờ lãnh đạo duyệt",
            "Approved" => "Đã duyệt, chưa gửi",
            "Sent" => "Đã gửi",
            "Received" => "Đã tiếp nhận",
            _ => "Bị trả lại, đang sửa",
        };
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reports = app.MapGroup("/api/workflow/reports").WithTags("Báo cáo");
            reports.MapGet("", async (string? regimeCode, string? period, bool? incoming, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new List(regimeCode, period, incoming ?? false), ct)).ToHttpResult())
                .WithSummary("Báo cáo của các đơn vị của bạn, hoặc (incoming=true) báo cáo gửi đến đơn vị của bạn");
            reports.MapGet("/tracking", async (string? regimeCode, string? period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Board(regimeCode, period), ct)).ToHttpResult())
                .WithSummary("Theo dõi tình hình làm báo cáo của một chế độ, một kỳ: ai đã gửi, gửi muộn, chưa gửi, chưa lập");
        }
    }
}
