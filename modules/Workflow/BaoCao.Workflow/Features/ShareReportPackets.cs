using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Exchange;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// The report packets for the Government's system and sectoral systems (QCVN 125): report data (the approved values of
/// one form, period and unit), list-type report data (the same for a unit and its sub-units, one row per unit), an
/// outline submission (a report as sent: narrative, table part, attachments) and report status (who has reported on a
/// regime for a period). Each is built under the caller's own permissions, signed with the province's key (Accounts) and
/// named in <c>/api/exchange/schemas</c>. Units are named by their national administrative code where they have one.
/// </summary>
internal static class ShareReportPackets
{
    internal sealed record ReportData(string? DataSet, string? Period, string? OrgUnit) : IQuery<Result<DataValueSet>>;

    internal sealed record ListData(string? DataSet, string? Period, string? OrgUnit) : IQuery<Result<ListReportData>>;

    internal sealed record Submission(string? Regime, string? Period, string? OrgUnit) : IQuery<Result<OutlineSubmission>>;

    internal sealed record Status(string? Regime, string? Period) : IQuery<Result<RegimeReportStatus>>;

    /// <param name="Late">Sent after the due date.</param>
    internal sealed record OutlineSubmission(string Regime, string RegimeName, string Period, string OrgUnit, string ReceivingUnit, DateOnly DueDate,
        DateTimeOffset SentAt, bool? Late, string State, IReadOnlyList<SubmittedSection> Sections, IReadOnlyList<SubmittedTable> Tables,
        IReadOnlyList<SubmittedAttachment> Attachments);

    internal sealed record SubmittedSection(string Heading, string Html);

    internal sealed record SubmittedTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<string> ColumnLabels, IReadOnlyList<SubmittedRow> Rows);

    /// <param name="Values">One per column; null where the figure is missing.</param>
    internal sealed record SubmittedRow(string Indicator, string Name, string UnitOfMeasure, IReadOnlyList<decimal?> Values);

    /// <param name="Content">The file, base64.</param>
    internal sealed record SubmittedAttachment(string FileName, string ContentType, long Size, string Sha256, string Content);

    internal sealed record RegimeReportStatus(string Regime, string RegimeName, string Period, DateOnly DueDate, int Expected, int Sent, int OnTime, int Late,
        IReadOnlyList<UnitReportStatus> Units);

    /// <param name="Status">NotStarted, Writing, AwaitingApproval, Approved, Sent, Received or Rejected.</param>
    internal sealed record UnitReportStatus(string OrgUnit, string OrgUnitName, string Status, DateTimeOffset? SentAt, bool? Late, bool Overdue);

    internal sealed class Handler(WorkflowDbContext db, ISender sender)
        : IQueryHandler<ReportData, Result<DataValueSet>>, IQueryHandler<ListData, Result<ListReportData>>,
          IQueryHandler<Submission, Result<OutlineSubmission>>, IQueryHandler<Status, Result<RegimeReportStatus>>
    {
        public async ValueTask<Result<DataValueSet>> Handle(ReportData query, CancellationToken cancellationToken)
        {
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            var values = await sender.Send(new ExportDataValueSets.Query(query.DataSet, query.Period, FromExchange(codes, query.OrgUnit), null, false), cancellationToken);
            if (values.Value is not { } set)
                return Result<DataValueSet>.From(values);
            return set with { OrgUnit = codes.ToExchange(set.OrgUnit), DataValues = [.. set.DataValues.Select(v => v with { OrgUnit = codes.ToExchange(v.OrgUnit) })] };
        }

        public async ValueTask<Result<ListReportData>> Handle(ListData query, CancellationToken cancellationToken)
        {
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            var values = await sender.Send(new ExportDataValueSets.Query(query.DataSet, query.Period, FromExchange(codes, query.OrgUnit), null, true), cancellationToken);
            if (values.Value is not { } set)
                return Result<ListReportData>.From(values);
            var names = (await sender.Send(new ListAllUnits(), cancellationToken)).ToDictionary(u => u.Code, u => u.Name);
            return new ListReportData(set.DataSet, set.Period, codes.ToExchange(set.OrgUnit), [.. set.DataValues.GroupBy(v => v.OrgUnit)
                .Select(unit => new ListReportRow(codes.ToExchange(unit.Key), names.GetValueOrDefault(unit.Key, unit.Key),
                    [.. unit.Select(v => new ListReportCell(v.DataElement, v.CategoryOptionCombo, v.AttributeOptionCombo, v.Value))]))]);
        }

        public async ValueTask<Result<OutlineSubmission>> Handle(Submission query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(query.Regime) || string.IsNullOrWhiteSpace(query.Period) || string.IsNullOrWhiteSpace(query.OrgUnit))
                return Result<OutlineSubmission>.Invalid("Cần mã chế độ báo cáo (regime), kỳ (period) và mã đơn vị (orgUnit).",
                    string.IsNullOrWhiteSpace(query.Regime) ? "regime" : string.IsNullOrWhiteSpace(query.Period) ? "period" : "orgUnit");
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            var found = await sender.Send(new WriteReport.Get(query.Regime, FromExchange(codes, query.OrgUnit)!, query.Period), cancellationToken);
            if (found.Value is not { } report)
                return Result<OutlineSubmission>.From(found);
            if (report.SentAt is not { } sentAt || report.State is not (nameof(ReportState.Sent) or nameof(ReportState.Received)))
                return Result<OutlineSubmission>.Conflict($"Báo cáo {report.RegimeCode} kỳ {report.Period} của {report.UnitCode} chưa được gửi: chỉ báo cáo đã gửi mới được chia sẻ.");
            var ids = report.Attachments.Select(a => a.Id).ToList();
            var files = await db.ReportAttachments.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.UploadedAt)
                .Select(a => new SubmittedAttachment(a.FileName, a.ContentType, a.Size, a.Sha256, Convert.ToBase64String(a.Content))).ToListAsync(cancellationToken);
            return new OutlineSubmission(report.RegimeCode, report.RegimeName, report.Period, codes.ToExchange(report.UnitCode), codes.ToExchange(report.ReceivingUnit),
                report.DueDate, sentAt, report.Late, report.State, [.. report.Narrative.Select(s => new SubmittedSection(s.Heading, s.Html))],
                [.. report.Tables.Select(t => new SubmittedTable(t.Title, t.Columns, t.ColumnLabels, [.. t.Rows.Select(r => new SubmittedRow(r.Indicator, r.Name, r.UnitOfMeasure, r.Values))]))],
                files);
        }

        public async ValueTask<Result<RegimeReportStatus>> Handle(Status query, CancellationToken cancellationToken)
        {
            var board = await sender.Send(new TrackReports.Board(query.Regime, query.Period), cancellationToken);
            if (board.Value is not { } found)
                return Result<RegimeReportStatus>.From(board);
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            return new RegimeReportStatus(found.RegimeCode, found.RegimeName, found.Period, found.DueDate, found.Expected, found.Sent, found.OnTime, found.Late,
                [.. found.Units.Select(u => new UnitReportStatus(codes.ToExchange(u.UnitCode), u.UnitName, u.Status, u.SentAt, u.Late, u.Overdue))]);
        }

        private static string? FromExchange(UnitExchangeCodes codes, string? orgUnit) => string.IsNullOrWhiteSpace(orgUnit) ? orgUnit : codes.FromExchange(orgUnit);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var packets = app.MapGroup("/api/exchange/packets").WithTags("Trao đổi dữ liệu");
            packets.MapGet($"/{DataValueSets.ReportDataPacket}", (string? dataSet, string? period, string? orgUnit, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new ReportData(dataSet, period, orgUnit), body => new SignPacket(DataValueSets.ReportDataPacket, body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin dữ liệu báo cáo: số liệu đã duyệt của một biểu mẫu, kỳ, đơn vị (dataValueSets), có chữ ký số của tỉnh");
            packets.MapGet($"/{DataValueSets.ListReportDataPacket}", (string? dataSet, string? period, string? orgUnit, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new ListData(dataSet, period, orgUnit), body => new SignPacket(DataValueSets.ListReportDataPacket, body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin dữ liệu báo cáo dạng danh sách: số liệu đã duyệt của đơn vị và các đơn vị trực thuộc, mỗi đơn vị một dòng");
            packets.MapGet("/outline-submission", (string? regime, string? period, string? orgUnit, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new Submission(regime, period, orgUnit), body => new SignPacket("outline-submission", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin báo cáo theo đề cương đã gửi: phần lời, phần bảng số liệu và tệp đính kèm");
            packets.MapGet("/report-status", (string? regime, string? period, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new Status(regime, period), body => new SignPacket("report-status", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin trạng thái báo cáo: đơn vị nào đã gửi, đúng hạn hay trễ hạn, chưa gửi");
        }
    }
}
