using Mapster;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;
using BaoCao.Workflow.Reports;

namespace BaoCao.Workflow.Features;

/// <summary>
/// The approver, the unit and the receiving unit read a report's versions — one per submission, approval, return,
/// sending, reception and rejection — open any of them as the report was then, compare two side by side (table cells
/// and narrative paragraphs) and export one. The receiving unit sees only what was sent to it and its own answers.
/// </summary>
internal static class ReviewReportVersions
{
    internal sealed record List(string RegimeCode, string UnitCode, string Period) : IQuery<Result<IReadOnlyList<VersionEntry>>>;

    internal sealed record Get(string RegimeCode, string UnitCode, string Period, int Version) : IQuery<Result<WriteReport.ReportView>>;

    internal sealed record Compare(string RegimeCode, string UnitCode, string Period, int From, int To) : IQuery<Result<VersionDiff>>;

    /// <param name="State">The state the step left the report in (Submitted, Approved, Returned, Sent, Received, Rejected).</param>
    internal sealed record VersionEntry(int Version, string State, DateTimeOffset At, string By, string? Reason);

    /// <param name="Cells">Only the cells whose value differs.</param>
    /// <param name="Narrative">Every paragraph of both versions aligned, each marked changed or not.</param>
    internal sealed record VersionDiff(int From, int To, IReadOnlyList<CellChange> Cells, IReadOnlyList<ParagraphRow> Narrative,
        IReadOnlyList<string> AttachmentsAdded, IReadOnlyList<string> AttachmentsRemoved);

    internal sealed record CellChange(string Table, string Indicator, string Name, string Column, decimal? Before, decimal? After);

    /// <param name="Before">The paragraph in the earlier version; null when it was added.</param>
    /// <param name="After">The paragraph in the later version; null when it was removed.</param>
    internal sealed record ParagraphRow(string Heading, string? Before, string? After, bool Changed);

    internal sealed class Handler(WorkflowDbContext db, ISender sender)
        : IQueryHandler<List, Result<IReadOnlyList<VersionEntry>>>, IQueryHandler<Get, Result<WriteReport.ReportView>>, IQueryHandler<Compare, Result<VersionDiff>>
    {
        public async ValueTask<Result<IReadOnlyList<VersionEntry>>> Handle(List query, CancellationToken cancellationToken)
        {
            var found = await VersionsAsync(query.RegimeCode, query.UnitCode, query.Period, cancellationToken);
            return found.IsFailure
                ? Result<IReadOnlyList<VersionEntry>>.From(found)
                : Result.Ok<IReadOnlyList<VersionEntry>>([.. found.Value.Versions.Select(v => v.Adapt<VersionEntry>(WorkflowMappings.Config))]);
        }

        public async ValueTask<Result<WriteReport.ReportView>> Handle(Get query, CancellationToken cancellationToken)
        {
            var found = await VersionsAsync(query.RegimeCode, query.UnitCode, query.Period, cancellationToken);
            if (found.IsFailure)
                return Result<WriteReport.ReportView>.From(found);
            var (scope, report, versions) = found.Value;
            if (versions.SingleOrDefault(v => v.Number == query.Version) is not { } v)
                return Result<WriteReport.ReportView>.NotFound($"Báo cáo không có phiên bản {query.Version}.");
            var guidance = scope.Regime.Outline.ToDictionary(h => h.Title, h => h.Guidance);
            // The report's identity from the report; everything that changes from step to step from the kept version.
            return v.Adapt<WriteReport.ReportView>(WorkflowMappings.Config) with
            {
                RegimeCode = report.RegimeCode,
                RegimeName = scope.Regime.Name,
                UnitCode = report.UnitCode,
                Period = report.Period,
                ReceivingUnit = report.ReceivingUnit,
                DueDate = report.DueDate,
                CreatedBy = report.CreatedBy,
                CreatedAt = report.CreatedAt,
                Narrative = [.. v.Narrative.Select(s => new WriteReport.SectionView(s.Heading, guidance.GetValueOrDefault(s.Heading), s.Html))],
                AllowIncomplete = scope.Regime.AllowIncompleteReportTable,
            };
        }

        public async ValueTask<Result<VersionDiff>> Handle(Compare query, CancellationToken cancellationToken)
        {
            var found = await VersionsAsync(query.RegimeCode, query.UnitCode, query.Period, cancellationToken);
            if (found.IsFailure)
                return Result<VersionDiff>.From(found);
            var versions = found.Value.Versions;
            var from = versions.SingleOrDefault(v => v.Number == query.From);
            var to = versions.SingleOrDefault(v => v.Number == query.To);
            if (from is null || to is null)
                return Result<VersionDiff>.NotFound($"Báo cáo không có phiên bản {(from is null ? query.From : query.To)}.");
            var before = from.Attachments.Select(a => $"{a.FileName} ({a.Sha256})").ToHashSet();
            var after = to.Attachments.Select(a => $"{a.FileName} ({a.Sha256})").ToHashSet();
            return new VersionDiff(from.Number, to.Number, Cells(from.Tables, to.Tables), Paragraphs(from.Narrative, to.Narrative),
                [.. after.Except(before)], [.. before.Except(after)]);
        }

        private static List<CellChange> Cells(IReadOnlyList<ReportTablePart> before, IReadOnlyList<ReportTablePart> after)
        {
            var changes = new List<CellChange>();
            foreach (var title in before.Select(t => t.Title).Union(after.Select(t => t.Title)))
            {
                var was = before.FirstOrDefault(t => t.Title == title);
                var now = after.FirstOrDefault(t => t.Title == title);
                var columns = (now ?? was)!.ColumnLabels;
                var wasRows = was?.Rows.ToDictionary(r => r.Indicator) ?? [];
                var nowRows = now?.Rows.ToDictionary(r => r.Indicator) ?? [];
                foreach (var indicator in wasRows.Keys.Union(nowRows.Keys))
                {
                    var (oldRow, newRow) = (wasRows.GetValueOrDefault(indicator), nowRows.GetValueOrDefault(indicator));
                    for (var c = 0; c < columns.Count; c++)
                    {
                        decimal? Value(ReportTableRow? row, ReportTablePart? table) =>
                            row is null || table is null ? null : table.ColumnLabels.ToList().IndexOf(columns[c]) is var i and >= 0 && i < row.Values.Count ? row.Values[i] : null;
                        var (x, y) = (Value(oldRow, was), Value(newRow, now));
                        if (x != y)
                            changes.Add(new CellChange(title, indicator, (newRow ?? oldRow)!.Name, columns[c], x, y));
                    }
                }
            }
            return changes;
        }

        /// <summary>Aligns the paragraphs of each heading by their longest common subsequence; a removed paragraph next to an
        /// added one is shown as one changed row.</summary>
        private static List<ParagraphRow> Paragraphs(IReadOnlyList<NarrativeSection> before, IReadOnlyList<NarrativeSection> after)
        {
            var rows = new List<ParagraphRow>();
            foreach (var heading in before.Select(s => s.Heading).Union(after.Select(s => s.Heading)))
            {
                static string[] Texts(NarrativeSection? s) => s is null ? [] : [.. Narrative.Blocks(s.Html).Select(b => b.Kind == "li" ? "– " + b.Text : b.Text)];
                var a = Texts(before.FirstOrDefault(s => s.Heading == heading));
                var b = Texts(after.FirstOrDefault(s => s.Heading == heading));
                var lcs = new int[a.Length + 1, b.Length + 1];
                for (var i = a.Length - 1; i >= 0; i--)
                    for (var j = b.Length - 1; j >= 0; j--)
                        lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                var (x, y) = (0, 0);
                var removed = new List<string>();
                var added = new List<string>();
                void Flush()
                {
                    for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
                        rows.Add(new ParagraphRow(heading, k < removed.Count ? removed[k] : null, k < added.Count ? added[k] : null, true));
                    removed.Clear();
                    added.Clear();
                }
                while (x < a.Length || y < b.Length)
                {
                    if (x < a.Length && y < b.Length && a[x] == b[y])
                    {
                        Flush();
                        rows.Add(new ParagraphRow(heading, a[x], b[y], false));
                        (x, y) = (x + 1, y + 1);
                    }
                    else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
                        added.Add(b[y++]);
                    else
                        removed.Add(a[x++]);
                }
                Flush();
            }
            return rows;
        }

        /// <summary>The report's versions the current user may read: all for the unit's officers and leaders, those sent
        /// and answered for the receiving unit.</summary>
        private async Task<Result<(ReportScope Scope, Report Report, List<ReportVersion> Versions)>> VersionsAsync(string regimeCode, string unitCode, string period,
            CancellationToken cancellationToken)
        {
            var resolved = await ReportScope.ResolveAsync(sender, regimeCode, unitCode, period, cancellationToken);
            if (resolved.Value is not { } scope)
                return Result<(ReportScope, Report, List<ReportVersion>)>.From(resolved);
            var report = await db.Reports.AsNoTracking()
                .SingleOrDefaultAsync(r => r.RegimeCode == scope.Regime.Code && r.UnitCode == scope.UnitCode && r.Period == scope.Period.Code, cancellationToken);
            var ofUnit = scope.CanWrite || scope.CanApprove;
            var versions = report is null ? [] : await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
            if (!ofUnit)
                versions = [.. versions.Where(v => v.SeenByReceiver)];
            return report is null || (!ofUnit && versions.Count == 0)
                ? Result<(ReportScope, Report, List<ReportVersion>)>.NotFound(ofUnit ? "Báo cáo chưa được lập." : $"Đơn vị {scope.UnitCode} chưa gửi báo cáo này.")
                : (scope, report, versions);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reports = app.MapGroup("/api/workflow/reports/{regimeCode}/{unitCode}/{period}/versions").WithTags("Báo cáo");
            reports.MapGet("", async (string regimeCode, string unitCode, string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new List(regimeCode, unitCode, period), ct)).ToHttpResult())
                .WithSummary("Các phiên bản của báo cáo: mỗi lần trình, duyệt, trả lại, gửi, tiếp nhận, đơn vị nhận trả lại");
            reports.MapGet("/{version:int}", async (string regimeCode, string unitCode, string period, int version, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Get(regimeCode, unitCode, period, version), ct)).ToHttpResult())
                .WithSummary("Báo cáo đúng như ở một phiên bản: phần bảng, thuyết minh, danh sách tệp đính kèm, trạng thái");
            reports.MapGet("/{from:int}/compare/{to:int}", async (string regimeCode, string unitCode, string period, int from, int to, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Compare(regimeCode, unitCode, period, from, to), ct)).ToHttpResult())
                .WithSummary("So sánh hai phiên bản: ô số liệu khác nhau, đoạn thuyết minh thêm, bớt, sửa, tệp đính kèm thêm, bớt");
        }
    }
}
