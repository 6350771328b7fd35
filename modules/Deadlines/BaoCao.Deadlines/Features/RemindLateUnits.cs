using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Deadlines.Reminders;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// Administrators see who would be reminded on a day and why, run today's ladder now (the job's own code path), read the
/// delivery log with each e-mail's status and error, and send again a digest whose fate is unknown or that gave up.
/// </summary>
internal static class RemindLateUnits
{
    /// <param name="Date">A past working day to run as (re-running a day the server missed); today when null.</param>
    /// <summary>Its own transactions: the reminder job's run, which plans, records and e-mails in steps that commit one by one.</summary>
    internal sealed record Run(DateOnly? Date = null) : ICommand<Result<RunOutcome>>, IRequireAccess, IOwnTransaction
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    internal sealed record Preview(DateOnly? Date) : IQuery<Result<PreviewView>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    internal sealed record Log(string? Period) : IQuery<Result<IReadOnlyList<DeliveryView>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    /// <summary>Its own transactions: the digest is queued again, then e-mailed by the job's sending step.</summary>
    internal sealed record Resend(Guid DigestId) : ICommand<Result>, IRequireAccess, IOwnTransaction
    {
        string IRequireAccess.Permission => Permissions.ManageReminders;
    }

    /// <param name="AlreadyInLedger">True when this reminder was already written (sent or on its way): a run sends nothing for it.</param>
    internal sealed record PreviewItem(int Step, string StepLabel, DateOnly StepDate, string RegimeCode, string UnitCode, string Period, DateOnly DueDate,
        string Recipient, bool LeaderCopy, bool AlreadyInLedger);

    internal sealed record PreviewView(DateOnly Date, string? DayOff, IReadOnlyList<PreviewItem> Reminders);

    internal sealed record DeliveryView(int Step, string RegimeCode, string UnitCode, string Period, string Recipient, bool LeaderCopy, DateTimeOffset CreatedAt,
        Guid DigestId, string Status, int Attempts, DateTimeOffset? SentAt, string? Error);

    internal sealed class Handler(DeadlinesDbContext db, ReminderLadder ladder, ExpectedReports planner, TimeProvider clock)
        : ICommandHandler<Run, Result<RunOutcome>>, IQueryHandler<Preview, Result<PreviewView>>, IQueryHandler<Log, Result<IReadOnlyList<DeliveryView>>>,
          ICommandHandler<Resend, Result>
    {
        public async ValueTask<Result<RunOutcome>> Handle(Run command, CancellationToken cancellationToken)
        {
            var today = VietnamTime.Today(clock);
            if (command.Date > today)
                return Result<RunOutcome>.Invalid($"Không chạy nhắc hạn cho ngày sau hôm nay ({today:dd/MM/yyyy}).", "date");
            return await ladder.RunAsync(command.Date ?? today, cancellationToken);
        }

        public async ValueTask<Result<PreviewView>> Handle(Preview query, CancellationToken cancellationToken)
        {
            var day = query.Date ?? VietnamTime.Today(clock);
            // Planning what is owed only adds missing rows: the preview sees the reports the run would see.
            await planner.PlanAsync(day, cancellationToken);
            var (due, dayOff) = await ladder.DueOnAsync(day, cancellationToken);
            var periods = due.Select(d => d.Report.Period).Distinct().ToList();
            var ledger = (await db.ReminderDeliveries.AsNoTracking().Where(d => periods.Contains(d.Period))
                    .Select(d => new { d.Step, d.RegimeCode, d.UnitCode, d.Period, d.Recipient }).ToListAsync(cancellationToken))
                .Select(d => (d.Step, d.RegimeCode, d.UnitCode, d.Period, d.Recipient)).ToHashSet();
            return new PreviewView(day, dayOff, [.. due.Select(d => new PreviewItem(d.Step.Offset, d.Step.Label, d.StepDate, d.Report.RegimeCode,
                d.Report.UnitCode, d.Report.Period, d.Report.DueDate, d.Recipient, d.LeaderCopy,
                ledger.Contains((d.Step.Offset, d.Report.RegimeCode, d.Report.UnitCode, d.Report.Period, d.Recipient))))]);
        }

        public async ValueTask<Result<IReadOnlyList<DeliveryView>>> Handle(Log query, CancellationToken cancellationToken)
        {
            var deliveries = db.ReminderDeliveries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Period))
                deliveries = deliveries.Where(d => d.Period == query.Period.Trim().ToUpper());
            var rows = await (from delivery in deliveries
                              join digest in db.ReminderDigests.AsNoTracking() on delivery.DigestId equals digest.Id
                              orderby delivery.CreatedAt descending, delivery.UnitCode, delivery.Step
                              select new DeliveryView(delivery.Step, delivery.RegimeCode, delivery.UnitCode, delivery.Period, delivery.Recipient, delivery.LeaderCopy,
                                  delivery.CreatedAt, digest.Id, digest.Status.ToString(), digest.Attempts, digest.SentAt, digest.LastError))
                .Take(5000).ToListAsync(cancellationToken);
            return rows;
        }

        public async ValueTask<Result> Handle(Resend command, CancellationToken cancellationToken)
        {
            var digest = await db.ReminderDigests.SingleOrDefaultAsync(d => d.Id == command.DigestId, cancellationToken);
            if (digest is null)
                return Result.NotFound("Không có thư nhắc hạn này.");
            if (digest.Status is DigestStatus.Sent or DigestStatus.Pending or DigestStatus.Sending)
                return Result.Conflict($"Thư đang ở trạng thái {digest.Status}: chỉ gửi lại thư lỗi, chưa cấu hình hoặc không rõ kết quả.");
            digest.Resend(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await ladder.SendPendingAsync(cancellationToken);
            return Result.Ok();
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reminders = app.MapGroup("/api/deadlines/reminders").WithTags("Nhắc hạn");
            reminders.MapPost("/run", async (DateOnly? date, ISender sender, CancellationToken ct) => (await sender.Send(new Run(date), ct)).ToHttpResult())
                .WithSummary("Chạy ngay bậc nhắc hạn của hôm nay, hoặc của một ngày đã qua (date) — cùng đường đi với tác vụ định kỳ → {sent, skipped, failed}");
            reminders.MapGet("/preview", async (DateOnly? date, ISender sender, CancellationToken ct) => (await sender.Send(new Preview(date), ct)).ToHttpResult())
                .WithSummary("Ai sẽ được nhắc vào một ngày và vì sao (không gửi gì)");
            reminders.MapGet("", async (string? period, ISender sender, CancellationToken ct) => (await sender.Send(new Log(period), ct)).ToHttpResult())
                .WithSummary("Nhật ký gửi thư nhắc hạn: trạng thái, số lần thử, lỗi");
            reminders.MapPost("/digests/{id:guid}/resend", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new Resend(id), ct)).ToHttpResult())
                .WithSummary("Gửi lại một thư nhắc hạn bị lỗi hoặc không rõ kết quả");
        }
    }
}
