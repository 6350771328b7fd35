using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// A province-wide administrator enters the schedule the Government announced for a year (every date off, with
/// compensatory days and swapped working Saturdays), replacing what the year had; or restores the official schedule:
/// the one shipped with the system for 2024–2026, the statutory defaults for other years. New holidays (e.g. 24/11 if
/// it becomes law) are entered the same way. Days off move due dates, so a schedule must keep every holiday of Labour
/// Code Art. 112, a year before the current one changes only when forced with a reason, and every change is audited.
/// </summary>
internal static class EnterOfficialSchedule
{
    internal sealed record Day(DateOnly Date, DayKind Kind, string Name);

    /// <param name="Force">Confirms changing a year before the current one; <paramref name="Reason"/> is then required.</param>
    internal sealed record Replace(int Year, IReadOnlyList<Day>? Days, bool Force = false, string? Reason = null) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageCalendar;
    }

    /// <param name="Force">Confirms changing a year before the current one; <paramref name="Reason"/> is then required.</param>
    internal sealed record Restore(int Year, bool Force = false, string? Reason = null) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageCalendar;
    }

    private const string YearRange = "Năm phải trong khoảng 1901–2100.";
    private const string ReasonRequired = "Sửa lịch của năm đã qua (force=true) cần nêu lý do (reason).";
    private const string ReasonTooLong = "Lý do tối đa 500 ký tự.";

    internal sealed class ReplaceValidator : AbstractValidator<Replace>
    {
        public ReplaceValidator()
        {
            RuleFor(r => r.Year).InclusiveBetween(LunarCalendar.Earliest.Year + 1, LunarCalendar.Latest.Year).WithMessage(YearRange);
            RuleFor(r => r.Days).NotEmpty().WithMessage("Lịch nghỉ phải có ít nhất một ngày.");
            RuleForEach(r => r.Days).ChildRules(day =>
            {
                day.RuleFor(d => d.Name).NotEmpty().WithMessage("Mỗi ngày cần tên dịp nghỉ (ví dụ: Tết Nguyên đán).").MaximumLength(200);
                day.RuleFor(d => d).Must(d => d.Kind != DayKind.WorkingSaturday || d.Date.DayOfWeek == DayOfWeek.Saturday)
                    .WithMessage(d => $"{d.Date:dd/MM/yyyy} không phải Thứ Bảy nên không thể là ngày làm việc bù.");
            });
            RuleFor(r => r).Must(r => (r.Days ?? []).All(d => Math.Abs(d.Date.Year - r.Year) <= 1))
                .WithMessage("Các ngày phải thuộc năm công bố (hoặc cuối năm trước, đầu năm sau).");
            RuleFor(r => r.Days).Must(days => (days ?? []).Select(d => d.Date).Distinct().Count() == (days ?? []).Count)
                .WithMessage("Một ngày chỉ được nêu một lần.");
            RuleFor(r => r).Custom((r, context) =>
            {
                if (r.Days is not { Count: > 0 } days || r.Year <= LunarCalendar.Earliest.Year || r.Year > LunarCalendar.Latest.Year)
                    return;
                var missing = StatutoryHolidays.MissingFrom(r.Year, days.Select(d => (d.Date, d.Kind)));
                if (missing.Count > 0)
                    context.AddFailure("days", $"Lịch năm {r.Year} phải giữ mọi ngày lễ của Điều 112 Bộ luật Lao động 2019: {string.Join("; ", missing)}.");
            });
            RuleFor(r => r.Reason).NotEmpty().When(r => r.Force).WithMessage(ReasonRequired).MaximumLength(500).WithMessage(ReasonTooLong);
        }
    }

    internal sealed class RestoreValidator : AbstractValidator<Restore>
    {
        public RestoreValidator()
        {
            RuleFor(r => r.Year).InclusiveBetween(LunarCalendar.Earliest.Year + 1, LunarCalendar.Latest.Year).WithMessage(YearRange);
            RuleFor(r => r.Reason).NotEmpty().When(r => r.Force).WithMessage(ReasonRequired).MaximumLength(500).WithMessage(ReasonTooLong);
        }
    }

    /// <summary>What a year follows: its listed days and where they come from (for the audit trail).</summary>
    private sealed record Schedule(string Source, IReadOnlyList<Day> Days);

    internal sealed class Handler(DeadlinesDbContext db, WorkingCalendar.Cache calendar, ISender sender, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Replace, Result>, ICommandHandler<Restore, Result>
    {
        public async ValueTask<Result> Handle(Replace command, CancellationToken cancellationToken)
        {
            if (await ProvinceWideAsync(cancellationToken) is { } refused)
                return refused;
            if (PastYear(command.Year, command.Force) is { } readOnly)
                return readOnly;
            var days = command.Days!.Select(d => OfficialDay.Of(d.Date, d.Kind, d.Name, command.Year)).ToList();
            if (await TakenByOtherYearsAsync(command.Year, days, cancellationToken) is { } taken)
                return Result.Invalid(taken, "days");
            var before = await ScheduleAsync(command.Year, cancellationToken);
            await db.OfficialDays.Where(d => d.ScheduleYear == command.Year).ExecuteDeleteAsync(cancellationToken);
            db.OfficialDays.AddRange(days);
            Audit(command.Year, "replace", before, new Schedule("Lịch mới nhập", ToDays(days)), command.Reason);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result> Handle(Restore command, CancellationToken cancellationToken)
        {
            if (await ProvinceWideAsync(cancellationToken) is { } refused)
                return refused;
            if (PastYear(command.Year, command.Force) is { } readOnly)
                return readOnly;
            var shipped = OfficialSchedules.Shipped().Where(d => d.ScheduleYear == command.Year).ToList();
            if (await TakenByOtherYearsAsync(command.Year, shipped, cancellationToken) is { } taken)
                return Result.Conflict($"Không khôi phục được lịch chính thức năm {command.Year}: {taken} Sửa lịch năm đó trước.");
            var before = await ScheduleAsync(command.Year, cancellationToken);
            await db.OfficialDays.Where(d => d.ScheduleYear == command.Year).ExecuteDeleteAsync(cancellationToken);
            db.OfficialDays.AddRange(shipped);
            Audit(command.Year, "restore", before,
                shipped.Count > 0 ? new Schedule("Lịch chính thức phát hành kèm hệ thống", ToDays(shipped)) : Defaults(command.Year), command.Reason);
            await db.SaveChangesAsync(cancellationToken);
            calendar.Invalidate(); // a bulk delete does not pass through SaveChanges
            return Result.Ok();
        }

        // National holidays are the province office's business, not one department's.
        private async Task<Result?> ProvinceWideAsync(CancellationToken cancellationToken)
        {
            return await sender.Send(new CheckProvinceWideAccess(Permissions.ManageCalendar), cancellationToken) ? null : Result.Forbidden("Chỉ quản trị hệ thống cấp tỉnh mới nhập lịch nghỉ chính thức.");
        }

        // Due dates of past periods were counted on that year's days: changing them silently rewrites history.
        private Result? PastYear(int year, bool force)
        {
            var current = VietnamTime.Today(clock).Year;
            return year < current && !force
                ? Result.Invalid($"Lịch năm {year} đã qua nên chỉ được xem: đổi ngày nghỉ sẽ đổi các hạn báo cáo đã qua. Nếu thật cần sửa, gửi force=true kèm lý do (reason).", "force")
                : null;
        }

        private async Task<string?> TakenByOtherYearsAsync(int year, IReadOnlyList<OfficialDay> days, CancellationToken cancellationToken)
        {
            var dates = days.Select(d => d.Date).ToList();
            var taken = await db.OfficialDays.Where(d => dates.Contains(d.Date) && d.ScheduleYear != year).Select(d => d.Date).OrderBy(d => d).ToListAsync(cancellationToken);
            return taken.Count == 0 ? null : $"Ngày {string.Join(", ", taken.Select(d => d.ToString("dd/MM/yyyy")))} đã thuộc lịch của năm khác.";
        }

        private async Task<Schedule> ScheduleAsync(int year, CancellationToken cancellationToken)
        {
            var rows = await db.OfficialDays.AsNoTracking().Where(d => d.ScheduleYear == year).ToListAsync(cancellationToken);
            return rows.Count > 0 ? new Schedule("Lịch đã nhập", ToDays(rows)) : Defaults(year);
        }

        private static Schedule Defaults(int year) =>
            new("Theo ngày nghỉ luật định", [.. new HolidayCalendar([]).YearOf(year).Select(d => new Day(d.Date, d.Kind, d.Name))]);

        private static IReadOnlyList<Day> ToDays(IEnumerable<OfficialDay> days) => [.. days.Select(d => new Day(d.Date, d.Kind, d.Name))];

        /// <summary>Queued in the change's transaction, so the change and its audit line are never one without the other.</summary>
        private void Audit(int year, string action, Schedule before, Schedule after, string? reason)
        {
            var (was, now) = Changes(before, after);
            var at = clock.GetUtcNow();
            db.Publish(new CalendarScheduleChanged(Guid.NewGuid(), year, action, user.UserName ?? "system", user.RemoteAddress, at, was, now,
                string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), at);
        }
    }

    /// <summary>Only the dates that differ, each as it was and as it is: a year's full list would bury the change.</summary>
    private static (string Before, string After) Changes(Schedule before, Schedule after)
    {
        var was = before.Days.ToDictionary(d => d.Date);
        var now = after.Days.ToDictionary(d => d.Date);
        var changed = was.Keys.Union(now.Keys).Where(d => was.GetValueOrDefault(d) != now.GetValueOrDefault(d)).Order().ToList();
        string Describe(string source, Dictionary<DateOnly, Day> days) => changed.Count == 0
            ? $"{source}: không đổi ngày nào"
            : $"{source}: " + string.Join("; ", changed.Select(d => days.TryGetValue(d, out var day) ? $"{d:dd/MM/yyyy} {KindLabel(day.Kind)} ({day.Name})" : $"{d:dd/MM/yyyy} không có"));
        return (Describe(before.Source, was), Describe(after.Source, now));
    }

    private static string KindLabel(DayKind kind) => kind switch { DayKind.Compensatory => "nghỉ bù", DayKind.WorkingSaturday => "làm bù", _ => "nghỉ" };

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var schedules = app.MapGroup("/api/calendar/schedules").WithTags("Lịch làm việc");
            schedules.MapPut("/{year:int}", async (int year, List<Day>? days, bool? force, string? reason, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Replace(year, days, force ?? false, reason), ct)).ToHttpResult())
                .WithSummary("Nhập lịch nghỉ chính thức Chính phủ công bố cho một năm (thay lịch đang có; năm đã qua cần force=true và reason)");
            schedules.MapDelete("/{year:int}", async (int year, bool? force, string? reason, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Restore(year, force ?? false, reason), ct)).ToHttpResult())
                .WithSummary("Khôi phục lịch chính thức: lịch phát hành kèm hệ thống (2024–2026), năm khác theo ngày nghỉ luật định");
        }
    }
}
