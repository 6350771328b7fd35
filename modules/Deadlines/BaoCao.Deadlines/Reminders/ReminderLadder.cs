using System.Globalization;
using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Email;
using BaoCao.Workflow.Contracts;
using Microsoft.Extensions.Logging;

namespace BaoCao.Deadlines.Reminders;

/// <summary>A report still owed, as a reminder lists it.</summary>
internal sealed record PendingReport(string RegimeCode, string RegimeName, string UnitCode, string UnitName, string Period, DateOnly DueDate);

/// <summary>One step of the ladder due for one owed report and one recipient on a day.</summary>
internal sealed record DueReminder(ReminderStep Step, DateOnly StepDate, PendingReport Report, string Recipient, string RecipientName, bool LeaderCopy);

/// <param name="Sent">Digest e-mails the SMTP server accepted in this run.</param>
/// <param name="Skipped">Reminders due today already in the ledger (sent or on their way), or none because it is a day off.</param>
/// <param name="Failed">Digests the SMTP server refused or could not take; retried with backoff.</param>
internal sealed record RunOutcome(int Sent, int Skipped, int Failed, string? Note);

/// <summary>
/// The reminder ladder (R9). On a working day, every owed report not yet sent gets the steps of its regime's ladder whose
/// day has come — within the last <see cref="CatchUpWorkingDays"/> working days, so runs missed while the server was down
/// are caught up — addressed to the unit's mailbox, and to its leader for steps that copy the leader. Each (step, regime,
/// unit, period, recipient) goes into the ledger under a unique key before anything is sent; the new ones are grouped
/// into one digest e-mail per recipient. Sending claims one digest at a time; whoever does not win the claim leaves it.
/// </summary>
internal sealed class ReminderLadder(
    DeadlinesDbContext db, ISender sender, WorkingCalendar calendars, IEmailSender email, ExpectedReports planner, TimeProvider clock,
    ILogger<ReminderLadder> logger)
{
    public const int CatchUpWorkingDays = 10;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The reminders due on <paramref name="day"/>, or why there are none (a day off).</summary>
    public async Task<(IReadOnlyList<DueReminder> Due, string? DayOff)> DueOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var calendar = await calendars.LoadAsync(cancellationToken);
        if (calendar.StatusOf(day) is { IsWorkingDay: false } off)
            return ([], $"{day:dd/MM/yyyy} là ngày nghỉ ({off.Reason}): không gửi nhắc hạn.");
        var earliest = calendar.AddWorkingDays(day, -CatchUpWorkingDays);
        var expected = await db.ExpectedReports.AsNoTracking()
            .Where(e => e.DueDate >= day.AddDays(-60) && e.DueDate <= day.AddDays(60))
            .ToListAsync(cancellationToken);
        if (expected.Count == 0)
            return ([], null);
        var regimes = (await sender.Send(new ListRegimes(), cancellationToken)).ToDictionary(r => r.Code);
        var units = (await sender.Send(new ListAllUnits(), cancellationToken)).ToDictionary(u => u.Code);
        var policies = await db.ReminderPolicies.AsNoTracking().ToDictionaryAsync(p => p.RegimeCode, p => p.Steps, cancellationToken);
        var due = new List<DueReminder>();
        foreach (var group in expected.GroupBy(e => (e.RegimeCode, e.Period)))
        {
            if (!regimes.TryGetValue(group.Key.RegimeCode, out var regime))
                continue;
            var reported = (await sender.Send(new ListReportStatuses(regime.Code, group.Key.Period), cancellationToken))
                .Where(s => s.Reported).Select(s => s.UnitCode).ToHashSet();
            var ladder = policies.GetValueOrDefault(regime.Code) ?? [.. ReminderStep.DefaultLadder];
            foreach (var owed in group.Where(e => !reported.Contains(e.UnitCode)))
            {
                if (!units.TryGetValue(owed.UnitCode, out var unit))
                    continue;
                var report = new PendingReport(regime.Code, regime.Name, unit.Code, unit.Name, owed.Period, owed.DueDate);
                foreach (var step in ladder)
                {
                    var stepDate = step.Offset == 0 ? owed.DueDate : calendar.AddWorkingDays(owed.DueDate, step.Offset);
                    if (stepDate > day || stepDate < earliest)
                        continue;
                    if (unit.OfficialEmail is { Length: > 0 } mailbox)
                        due.Add(new DueReminder(step, stepDate, report, mailbox.ToLowerInvariant(), unit.Name, false));
                    if (step.CopyLeader && unit.LeaderEmail is { Length: > 0 } leader)
                        due.Add(new DueReminder(step, stepDate, report, leader.ToLowerInvariant(), $"Lãnh đạo {unit.Name}", true));
                }
            }
        }
        return (due, null);
    }

    /// <summary>Plans what is owed, writes today's new reminders to the ledger with their digests, then sends what is pending.</summary>
    public async Task<RunOutcome> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await planner.PlanAsync(day, cancellationToken);
        var (due, dayOff) = await DueOnAsync(day, cancellationToken);
        if (dayOff is not null)
            return new RunOutcome(0, 0, 0, dayOff);
        var created = await WriteLedgerAsync(day, due, cancellationToken);
        var (sent, failed) = await SendPendingAsync(cancellationToken);
        return new RunOutcome(sent, due.Count - created, failed, null);
    }

    /// <summary>Adds the reminders not yet in the ledger, and one digest per recipient for them, in one transaction.
    /// A unique-key clash means another run wrote some of them meanwhile: read again and add only the rest.</summary>
    private async Task<int> WriteLedgerAsync(DateOnly day, IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
            return 0;
        var periods = due.Select(d => d.Report.Period).Distinct().ToList();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = (await db.ReminderDeliveries.AsNoTracking().Where(d => periods.Contains(d.Period))
                    .Select(d => new { d.Step, d.RegimeCode, d.UnitCode, d.Period, d.Recipient }).ToListAsync(cancellationToken))
                .Select(d => (d.Step, d.RegimeCode, d.UnitCode, d.Period, d.Recipient)).ToHashSet();
            var fresh = due.Where(d => !existing.Contains((d.Step.Offset, d.Report.RegimeCode, d.Report.UnitCode, d.Report.Period, d.Recipient)))
                .DistinctBy(d => (d.Step.Offset, d.Report.RegimeCode, d.Report.UnitCode, d.Report.Period, d.Recipient)).ToList();
            if (fresh.Count == 0)
                return 0;
            var template = await db.ReminderTemplates.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ReminderTemplate();
            var now = clock.GetUtcNow();
            foreach (var recipient in fresh.GroupBy(d => d.Recipient))
            {
                var digest = Compose(template, recipient.Key, recipient.First().RecipientName, day, [.. recipient], now);
                db.ReminderDigests.Add(digest);
                foreach (var reminder in recipient)
                    db.ReminderDeliveries.Add(new ReminderDelivery(reminder.Step.Offset, reminder.Report.RegimeCode, reminder.Report.UnitCode,
                        reminder.Report.Period, reminder.Recipient, reminder.LeaderCopy, digest.Id, now));
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return fresh.Count;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                logger.LogInformation("Reminder ledger clash with another run; reading it again");
            }
        }
    }

    private ReminderDigest Compose(ReminderTemplate template, string recipient, string name, DateOnly day, IReadOnlyList<DueReminder> reminders, DateTimeOffset now)
    {
        var lines = reminders.GroupBy(r => (r.Report.RegimeCode, r.Report.UnitCode, r.Report.Period)).Select(g =>
        {
            var report = g.First().Report;
            var when = report.DueDate > day ? $"hạn {report.DueDate:dd/MM/yyyy}"
                : report.DueDate == day ? $"hạn hôm nay {report.DueDate:dd/MM/yyyy}"
                : $"đã quá hạn ({report.DueDate:dd/MM/yyyy})";
            return $"- {report.RegimeName} — {report.UnitName} — kỳ {report.Period} — {when}";
        }).ToList();
        string Fill(string text) => text.Replace("{NguoiNhan}", name).Replace("{DanhSach}", string.Join("\n", lines))
            .Replace("{SoBaoCao}", lines.Count.ToString(Vietnamese)).Replace("{Ngay}", day.ToString("dd/MM/yyyy", Vietnamese));
        return new ReminderDigest(recipient, day, Fill(template.Subject), Fill(template.Body), now);
    }

    /// <summary>
    /// Sends every digest that is pending or whose retry time has come, claiming each one first. A digest left in
    /// Sending past the lease (the process stopped between the claim and the server's answer) becomes Unknown and is
    /// not sent again by itself.
    /// </summary>
    public async Task<(int Sent, int Failed)> SendPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = now - ClaimLease;
        await db.ReminderDigests.Where(d => d.Status == DigestStatus.Sending && d.ClaimedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DigestStatus.Unknown)
                .SetProperty(d => d.LastError, "Máy chủ dừng giữa lúc gửi: không rõ thư đã đi hay chưa; quản trị kiểm tra rồi gửi lại nếu cần."), cancellationToken);
        var candidates = await db.ReminderDigests.AsNoTracking()
            .Where(d => (d.Status == DigestStatus.Pending || d.Status == DigestStatus.Failed) && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt).Select(d => d.Id).ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var id in candidates)
        {
            var claimedAt = clock.GetUtcNow();
            var claimed = await db.ReminderDigests
                .Where(d => d.Id == id && (d.Status == DigestStatus.Pending || d.Status == DigestStatus.Failed) && d.NextAttemptAt <= claimedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DigestStatus.Sending).SetProperty(d => d.ClaimedAt, claimedAt)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (claimed == 0)
                continue; // another worker has it
            db.ChangeTracker.Clear();
            var digest = await db.ReminderDigests.SingleAsync(d => d.Id == id, cancellationToken);
            EmailOutcome outcome;
            try
            {
                outcome = await email.SendAsync(new EmailMessage([digest.Recipient], digest.Subject, digest.Body), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The message may or may not have left: it stays in Sending, becomes Unknown after the lease, and is never sent twice.
                logger.LogError(error, "Reminder digest {Digest} to {Recipient}: outcome unknown", digest.Id, digest.Recipient);
                failed++;
                continue;
            }
            switch (outcome.Delivery)
            {
                case EmailDelivery.Sent:
                    digest.Succeeded(clock.GetUtcNow());
                    sent++;
                    break;
                case EmailDelivery.NotConfigured:
                    digest.NotConfigured(outcome.Error ?? "Chưa cấu hình máy chủ thư.");
                    break;
                default:
                    digest.FailedWith(outcome.Error ?? "Máy chủ thư từ chối.", clock.GetUtcNow());
                    failed++;
                    break;
            }
            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
        return (sent, failed);
    }
}
