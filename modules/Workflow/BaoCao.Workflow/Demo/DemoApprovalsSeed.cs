using BaoCao.Deadlines.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Demo;

/// <summary>
/// Gives the demo an approved history, so dashboards, last-year columns and roll-ups have figures: the demo forms'
/// data from January 2025 to August 2026 (quarters to 2026 Q2) is submitted by the unit's officer and approved by its
/// leader a few days after each period's end — through the same store and audit trail as a real approval. Later
/// periods stay open for the demo's users. Runs once, when nothing is approved yet.
/// </summary>
internal sealed class DemoApprovalsSeed(WorkflowDbContext db, ISender sender, AuditTrail audit)
{
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly DateOnly Last = new(2026, 8, 31);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.ApprovedValues.AnyAsync(cancellationToken) || await db.Submissions.AnyAsync(cancellationToken))
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var regime in await sender.Send(new ListRegimes(), cancellationToken))
        {
            if (regime.Kind != RegimeKind.Periodic || regime.Frequency is not ({ } frequency and (Frequency.Month or Frequency.Quarter)))
                continue;
            var units = await sender.Send(new ListAssignedUnits(regime.Code, First, Last), cancellationToken);
            foreach (var period in Periods(frequency))
            {
                var info = await sender.Send(new GetPeriodInfo(period, regime.PeriodRule, regime.DueDay, regime.DueDaysAfterWindow), cancellationToken);
                var approvedAt = new DateTimeOffset(info!.DueDate.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero); // 10:00 in Hà Nội
                foreach (var form in regime.Forms)
                {
                    foreach (var unit in units)
                    {
                        if (await sender.Send(new GetFormValues(form, unit, period), cancellationToken) is not { Values.Count: > 0 } values)
                            continue;
                        if (await db.Submissions.AnyAsync(s => s.FormCode == form && s.UnitCode == unit && s.Period == period, cancellationToken))
                            continue; // a form in two regimes
                        var officer = $"canbo.{unit.ToLowerInvariant()}";
                        var submission = new Submission(form, unit, period);
                        submission.Act(SubmissionAction.Submit, null, approvedAt.AddDays(-1), officer);
                        submission.Act(SubmissionAction.Approve, null, approvedAt, $"lanhdao.{unit.ToLowerInvariant()}");
                        db.Submissions.Add(submission);
                        var lines = await Approved.StoreAsync(db, submission, values.Values, approvedAt, cancellationToken);
                        await audit.AppendAsync([new("submission.demo", $"{form}/{unit}/{period}", null, "Approved: số liệu minh họa của bản demo"), .. lines],
                            "demo", null, approvedAt, cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                }
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<string> Periods(Frequency frequency)
    {
        for (var month = First; month <= Last; month = month.AddMonths(frequency == Frequency.Month ? 1 : 3))
            yield return frequency == Frequency.Month ? $"{month:yyyyMM}" : $"{month.Year}Q{(month.Month - 1) / 3 + 1}";
    }
}
