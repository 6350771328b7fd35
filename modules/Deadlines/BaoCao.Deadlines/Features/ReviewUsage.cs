using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Files;
using BaoCao.SharedKernel.Time;
using BaoCao.Workflow.Contracts;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// The system-usage report of a half-year (YYYYS1, YYYYS2) or a year (YYYY) (Đ18.1): per unit, sign-ins (from the
/// sign-in events Accounts announces), values entered (Forms) and submissions (Workflow's audit trail). Generated once
/// by the job on 1 January and 1 July, or on purpose; read by the province office; downloadable as .xlsx.
/// </summary>
internal static class ReviewUsage
{
    internal sealed record Generate(string Period, bool Regenerate) : ICommand<Result<Generated>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.GenerateReports;
    }

    internal sealed record Read(string Period) : IQuery<Result<UsageReport>>;

    internal sealed record Generated(Guid Id, string Period, bool GeneratedNow, int Generation);

    internal sealed class Handler(DeadlinesDbContext db, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Generate, Result<Generated>>, IQueryHandler<Read, Result<UsageReport>>
    {
        public async ValueTask<Result<Generated>> Handle(Generate command, CancellationToken cancellationToken)
        {
            if (Parse(command.Period) is not { } period)
                return Result<Generated>.Invalid($"Kỳ '{command.Period}' không hợp lệ: báo cáo sử dụng hệ thống lập theo 6 tháng (YYYYS1, YYYYS2) hoặc năm (YYYY).", "period");
            var existing = await db.UsageReports.SingleOrDefaultAsync(r => r.Period == period.Code, cancellationToken);
            if (existing is not null && !command.Regenerate)
                return new Generated(existing.Id, existing.Period, false, existing.Generation);
            var figures = await ComputeAsync(period, cancellationToken);
            if (existing is null)
                db.UsageReports.Add(existing = new UsageReport(period.Code, figures, user.UserName ?? "system", clock.GetUtcNow()));
            else
                existing.Regenerate(figures, user.UserName ?? "system", clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var theirs = await db.UsageReports.AsNoTracking().SingleAsync(r => r.Period == period.Code, cancellationToken);
                return new Generated(theirs.Id, theirs.Period, false, theirs.Generation);
            }
            return new Generated(existing.Id, existing.Period, true, existing.Generation);
        }

        public async ValueTask<Result<UsageReport>> Handle(Read query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.TrackReporting), cancellationToken))
                return Result<UsageReport>.Forbidden("Báo cáo sử dụng hệ thống dành cho Văn phòng UBND tỉnh và lãnh đạo tỉnh.");
            if (Parse(query.Period) is not { } period)
                return Result<UsageReport>.Invalid($"Kỳ '{query.Period}' không hợp lệ: dạng YYYYS1, YYYYS2 hoặc YYYY.", "period");
            var report = await db.UsageReports.AsNoTracking().SingleOrDefaultAsync(r => r.Period == period.Code, cancellationToken);
            return report is null ? Result<UsageReport>.NotFound($"Chưa lập báo cáo sử dụng hệ thống kỳ {period.Code}.") : report;
        }

        private async Task<UsageFigures> ComputeAsync(Period period, CancellationToken cancellationToken)
        {
            var from = new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), VietnamTime.Zone.BaseUtcOffset);
            var to = VietnamTime.EndOf(period.End);
            var accounts = await sender.Send(new ListAccountUnits(), cancellationToken);
            var signIns = (await db.UsageEvents.AsNoTracking().Where(u => u.Kind == UsageKind.SignIn && u.At >= from && u.At < to)
                    .Select(u => u.UserName).ToListAsync(cancellationToken))
                .Select(name => accounts.GetValueOrDefault(name)).OfType<string>().GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
            var entries = await sender.Send(new CountEntries(from, to), cancellationToken);
            var submissions = await sender.Send(new CountSubmissions(from, to), cancellationToken);
            var units = (await sender.Send(new ListAllUnits(), cancellationToken))
                .Where(u => u.ValidFrom <= period.End && (u.ValidTo is null || u.ValidTo >= period.Start)).ToList();
            var rows = units.Select(u => new UsageRow(u.Code, u.Name, signIns.GetValueOrDefault(u.Code), entries.GetValueOrDefault(u.Code), submissions.GetValueOrDefault(u.Code)))
                .OrderByDescending(r => r.SignIns + r.Entries + r.Submissions).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
            return new UsageFigures(period.Code, period.Start, period.End, rows.Sum(r => r.SignIns), rows.Sum(r => r.Entries), rows.Sum(r => r.Submissions), rows);
        }

        private static Period? Parse(string code) => Period.TryParse(code) is { Kind: PeriodKind.HalfYear or PeriodKind.Year } period ? period : null;
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var usage = app.MapGroup("/api/deadlines/usage").WithTags("Nhắc hạn");
            usage.MapPost("/{period}/generate", async (string period, bool? regenerate, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Generate(period, regenerate ?? false), ct)).ToHttpResult(g => Results.Ok(new { id = g.Id, g.Period, g.GeneratedNow, g.Generation })))
                .WithSummary("Lập báo cáo sử dụng hệ thống 6 tháng hoặc năm (đã lập thì trả về báo cáo đã có, trừ khi regenerate=true)");
            usage.MapGet("/{period}", async (string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Read(period), ct)).ToHttpResult(r => Results.Ok(new { r.Id, r.GeneratedAt, r.GeneratedBy, r.Generation, r.Figures })))
                .WithSummary("Báo cáo sử dụng hệ thống: theo đơn vị, số lần đăng nhập, số giá trị nhập, số lần trình/gửi");
            usage.MapGet("/{period}/export", async (string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Read(period), ct)).ToHttpResult(r => Results.File(OfficeFiles.Xlsx([("Sử dụng hệ thống",
                    [
                        new object?[] { $"Tình hình sử dụng hệ thống kỳ {r.Figures.Period} ({r.Figures.From:dd/MM/yyyy} – {r.Figures.To:dd/MM/yyyy})" },
                        new object?[] { "Mã đơn vị", "Đơn vị", "Lần đăng nhập", "Giá trị nhập", "Lần trình/gửi" },
                        .. r.Figures.Units.Select(u => (IReadOnlyList<object?>)[u.UnitCode, u.UnitName, u.SignIns, u.Entries, u.Submissions]),
                        new object?[] { "", "Tổng", r.Figures.SignIns, r.Figures.Entries, r.Figures.Submissions },
                    ])]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"su-dung-{r.Figures.Period}.xlsx")))
                .WithSummary("Tải báo cáo sử dụng hệ thống (.xlsx)");
        }
    }
}
