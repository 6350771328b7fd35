using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Time;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Demo;

/// <summary>
/// Makes a fresh demo show a real month: for the monthly socio-economic report of the latest period already due, the
/// Department of Industry and Trade sent on time, Tourism sent two days late, Agriculture is still writing, and Finance
/// (the demo's officer canbo.stc) has not started — so the tracking board, the reminders and the compliance report have something to show. Relative to
/// today; written once (a demo that already has reports is left alone), through the audit trail like any other step.
/// </summary>
internal sealed class DemoReportsSeed(WorkflowDbContext db, ISender sender, AuditTrail audit, TimeProvider clock)
{
    private const string Regime = "BC-KTXH-THANG";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Reports.AnyAsync(cancellationToken) || await sender.Send(new GetRegime(Regime), cancellationToken) is not { } regime)
            return;
        var today = VietnamTime.Today(clock);
        PeriodInfo? period = null;
        for (var month = new DateOnly(today.Year, today.Month, 1); period is null || period.DueDate.AddDays(3) >= today; month = month.AddMonths(-1))
            period = await sender.Send(new GetPeriodInfo($"{month:yyyyMM}", regime.PeriodRule, regime.DueDay, regime.DueDaysAfterWindow), cancellationToken);
        var due = VietnamTime.EndOf(period.DueDate);
        var outline = regime.Outline.Select(h => new NarrativeSection(h.Title, "<p>Nội dung minh họa của bản demo.</p>")).ToList();
        void Write(string unit, ReportState until, DateTimeOffset sentAt)
        {
            var created = sentAt.AddDays(-3);
            var report = new Report(Regime, unit, period.Code, regime.ReceivingUnit, ReportSource.Own, outline, period.DueDate, $"canbo.{unit.ToLowerInvariant()}", created);
            if (until >= ReportState.Submitted)
                report.Act(ReportAction.Submit, null, created.AddHours(2), DateOnly.FromDateTime(created.DateTime), $"canbo.{unit.ToLowerInvariant()}");
            if (until >= ReportState.Approved)
                report.Act(ReportAction.Approve, null, sentAt.AddHours(-2), DateOnly.FromDateTime(sentAt.DateTime), $"lanhdao.{unit.ToLowerInvariant()}");
            if (until >= ReportState.Sent)
                report.Act(ReportAction.Send, null, sentAt, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sentAt, VietnamTime.Zone).DateTime), $"canbo.{unit.ToLowerInvariant()}");
            db.Reports.Add(report);
        }
        Write("SCT", ReportState.Sent, due.AddDays(-2));
        Write("SDL", ReportState.Sent, due.AddDays(2));
        Write("SNNMT", ReportState.Draft, due.AddDays(-1));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.AppendAsync([new("report.demo", $"{Regime}/*/{period.Code}", null, "Báo cáo minh họa của bản demo: SCT gửi đúng hạn, SDL gửi muộn, SNNMT đang soạn")], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
