using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Email;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// The regime's lead unit (or the province office) opens or closes reception of a period at other times than the default
/// (Đ14.4): from the start of the period, never closing. The reporting units are told by e-mail, and the report page shows
/// the window. After closing, a report is refused or accepted and marked late, as the regime says; Workflow asks before
/// every sending.
/// </summary>
internal static class SetReceptionWindow
{
    internal sealed record Get(string RegimeCode, string Period) : IQuery<Result<WindowView>>;

    /// <summary>Its own transaction: the window is saved, then the units are e-mailed (no mail server wait inside a transaction).</summary>
    internal sealed record Set(string RegimeCode, string Period, DateOnly? OpensOn, DateOnly? ClosesOn, long? Version) : ICommand<Result<WindowView>>, IOwnTransaction;

    /// <param name="LateSubmission">AcceptAsLate or Refuse: what happens after closing.</param>
    internal sealed record WindowView(string RegimeCode, string Period, DateOnly OpensOn, DateOnly? ClosesOn, DateOnly DueDate, string LateSubmission,
        bool Default, string? SetBy, long Version);

    internal sealed record WindowBody(DateOnly? OpensOn, DateOnly? ClosesOn, long? Version);

    internal sealed class Validator : AbstractValidator<Set>
    {
        public Validator() =>
            RuleFor(c => c).Must(c => c.OpensOn is null || c.ClosesOn is null || c.OpensOn <= c.ClosesOn)
                .WithMessage("Ngày đóng tiếp nhận không thể trước ngày mở.").OverridePropertyName("closesOn");
    }

    internal sealed class Handler(DeadlinesDbContext db, ISender sender, IEmailSender email, WorkingCalendar calendars, ICurrentUser user, TimeProvider clock)
        : IQueryHandler<Get, Result<WindowView>>, ICommandHandler<Set, Result<WindowView>>, IQueryHandler<CheckReception, ReceptionDecision>
    {
        public async ValueTask<Result<WindowView>> Handle(Get query, CancellationToken cancellationToken)
        {
            var resolved = await ResolveAsync(query.RegimeCode, query.Period, cancellationToken);
            if (resolved.Value is not { } target)
                return Result<WindowView>.From(resolved);
            var window = await db.ReceptionWindows.AsNoTracking().SingleOrDefaultAsync(w => w.RegimeCode == target.Regime.Code && w.Period == target.Period.Code, cancellationToken);
            return View(target, window);
        }

        public async ValueTask<Result<WindowView>> Handle(Set command, CancellationToken cancellationToken)
        {
            var resolved = await ResolveAsync(command.RegimeCode, command.Period, cancellationToken);
            if (resolved.Value is not { } target)
                return Result<WindowView>.From(resolved);
            if (!await sender.Send(new CheckAccess(Permissions.ManageForms, target.Regime.OwnerUnit), cancellationToken))
                return Result<WindowView>.Forbidden($"Chỉ đơn vị chủ trì chế độ báo cáo ({target.Regime.OwnerUnit}) hoặc Văn phòng UBND tỉnh mở, đóng tiếp nhận báo cáo.");
            var window = await db.ReceptionWindows.SingleOrDefaultAsync(w => w.RegimeCode == target.Regime.Code && w.Period == target.Period.Code, cancellationToken);
            if (window is null)
            {
                window = new ReceptionWindow(target.Regime.Code, target.Period.Code);
                db.ReceptionWindows.Add(window);
            }
            else if (command.Version is { } version)
                db.ExpectVersion(window, version);
            window.Set(command.OpensOn, command.ClosesOn, user.UserName ?? "system", clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Result<WindowView>.Conflict("Người khác vừa đặt thời gian tiếp nhận của kỳ này. Hãy tải lại rồi đặt lại.");
            }
            var view = View(target, window);
            await TellUnitsAsync(target, view, cancellationToken);
            return view;
        }

        /// <summary>Workflow asks before sending: accepted, refused, or accepted and late (Đ14.4).</summary>
        public async ValueTask<ReceptionDecision> Handle(CheckReception query, CancellationToken cancellationToken)
        {
            var resolved = await ResolveAsync(query.RegimeCode, query.Period, cancellationToken);
            if (resolved.Value is not { } target)
                return new ReceptionDecision(true, false, null);
            var window = View(target, await db.ReceptionWindows.AsNoTracking()
                .SingleOrDefaultAsync(w => w.RegimeCode == target.Regime.Code && w.Period == target.Period.Code, cancellationToken));
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.At, VietnamTime.Zone).DateTime);
            if (day < window.OpensOn)
                return new ReceptionDecision(false, false, $"Chưa mở tiếp nhận báo cáo kỳ {target.Period.Code}: tiếp nhận từ ngày {window.OpensOn:dd/MM/yyyy}.");
            if (window.ClosesOn is { } closed && day > closed)
                return target.Regime.LateSubmission == LateSubmission.Refuse
                    ? new ReceptionDecision(false, false, $"Đã đóng tiếp nhận báo cáo kỳ {target.Period.Code} từ sau ngày {closed:dd/MM/yyyy}: chế độ {target.Regime.Code} không nhận báo cáo muộn.")
                    : new ReceptionDecision(true, true, $"Gửi sau khi đã đóng tiếp nhận ({closed:dd/MM/yyyy}): ghi nhận là gửi muộn.");
            return new ReceptionDecision(true, false, null);
        }

        private sealed record Target(RegimeInfo Regime, Period Period, DateOnly DueDate);

        private async Task<Result<Target>> ResolveAsync(string regimeCode, string periodCode, CancellationToken cancellationToken)
        {
            if (await sender.Send(new GetRegime(Codes.Normalize(regimeCode)), cancellationToken) is not { } regime)
                return Result<Target>.NotFound($"Không có chế độ báo cáo mã '{regimeCode}'.");
            var round = regime.FindRound(Codes.Normalize(periodCode));
            if (Period.TryParse(periodCode) is not { } period || period.Kind != PeriodKinds.Of(regime.Frequency) || (regime.Kind != RegimeKind.Periodic && round is null))
                return Result<Target>.Invalid($"Kỳ báo cáo '{periodCode}' không hợp lệ cho chế độ {regime.Code}.", "period");
            var rule = regime.PeriodRule == "calendar" ? WindowRule.Calendar : WindowRule.Decree09;
            var due = DueDates.For(period, rule, new DueDateRule(regime.DueDay, regime.DueDaysAfterWindow, round?.DueDate), await calendars.LoadAsync(cancellationToken));
            return new Target(regime, period, due.Shifted);
        }

        private static WindowView View(Target target, ReceptionWindow? window) =>
            new(target.Regime.Code, target.Period.Code, window?.OpensOn ?? target.Period.Start, window?.ClosesOn, target.DueDate, target.Regime.LateSubmission.ToString(),
                window is null || (window.OpensOn is null && window.ClosesOn is null), window?.SetBy, window?.Version ?? 0);

        private async Task TellUnitsAsync(Target target, WindowView window, CancellationToken cancellationToken)
        {
            var units = (await sender.Send(new ListAllUnits(), cancellationToken)).ToDictionary(u => u.Code);
            var addresses = target.Regime.ReportingUnits.Select(u => units.GetValueOrDefault(u)?.OfficialEmail).OfType<string>().Where(a => a.Length > 0).Distinct().ToList();
            if (addresses.Count == 0)
                return;
            var closing = window.ClosesOn is { } closes
                ? $"đóng tiếp nhận sau ngày {closes:dd/MM/yyyy}" + (target.Regime.LateSubmission == LateSubmission.Refuse ? " (sau đó không nhận báo cáo)" : " (sau đó vẫn nhận nhưng ghi là gửi muộn)")
                : "không đóng tiếp nhận (báo cáo sau hạn được ghi là gửi muộn)";
            // One message to all reporting units; a failure is logged by the sender and does not undo the window.
            await email.SendAsync(new EmailMessage(addresses, $"[BaoCao] Thời gian tiếp nhận báo cáo {target.Regime.Code} kỳ {target.Period.Code}",
                $"Kính gửi các đơn vị,\n\nĐơn vị chủ trì đã đặt thời gian tiếp nhận báo cáo “{target.Regime.Name}” kỳ {target.Period.Code}: mở từ ngày {window.OpensOn:dd/MM/yyyy}, " +
                $"{closing}. Hạn gửi báo cáo: {window.DueDate:dd/MM/yyyy}.\n\nThư này do Hệ thống thông tin báo cáo gửi tự động."), cancellationToken);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var reception = app.MapGroup("/api/deadlines/reception").WithTags("Nhắc hạn");
            reception.MapGet("/{regimeCode}/{period}", async (string regimeCode, string period, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Get(regimeCode, period), ct)).ToHttpResult())
                .WithSummary("Thời gian tiếp nhận báo cáo của một chế độ, một kỳ");
            reception.MapPut("/{regimeCode}/{period}", async (string regimeCode, string period, WindowBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Set(regimeCode, period, body.OpensOn, body.ClosesOn, body.Version), ct)).ToHttpResult())
                .WithSummary("Mở, đóng tiếp nhận báo cáo của một kỳ khác thời gian mặc định (đơn vị chủ trì)");
        }
    }
}
