using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// A province-wide administrator enters the schedule the Government announced for a year (every date off, with
/// compensatory days and swapped working Saturdays), replacing what the year had; or withdraws it, so the year
/// follows the statutory defaults again. New holidays (e.g. 24/11 if it becomes law) are entered the same way.
/// </summary>
internal static class EnterOfficialSchedule
{
    internal sealed record Day(DateOnly Date, DayKind Kind, string Name);

    internal sealed record Replace(int Year, IReadOnlyList<Day>? Days) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageCalendar;
    }

    internal sealed record Withdraw(int Year) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageCalendar;
    }

    internal sealed class ReplaceValidator : AbstractValidator<Replace>
    {
        public ReplaceValidator()
        {
            RuleFor(r => r.Year).InclusiveBetween(LunarCalendar.Earliest.Year + 1, LunarCalendar.Latest.Year).WithMessage("Năm phải trong khoảng 1901–2100.");
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
        }
    }

    internal sealed class Handler(DeadlinesDbContext db, WorkingCalendar.Cache calendar, ISender sender) : ICommandHandler<Replace, Result>, ICommandHandler<Withdraw, Result>
    {
        public async ValueTask<Result> Handle(Replace command, CancellationToken cancellationToken)
        {
            if (await ProvinceWideAsync(cancellationToken) is { } refused)
                return refused;
            var dates = command.Days!.Select(d => d.Date).ToList();
            var takenByOtherYears = await db.OfficialDays.Where(d => dates.Contains(d.Date) && d.ScheduleYear != command.Year).Select(d => d.Date).ToListAsync(cancellationToken);
            if (takenByOtherYears.Count > 0)
                return Result.Invalid($"Ngày {string.Join(", ", takenByOtherYears.Select(d => d.ToString("dd/MM/yyyy")))} đã thuộc lịch của năm khác.", "days");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.OfficialDays.Where(d => d.ScheduleYear == command.Year).ExecuteDeleteAsync(cancellationToken);
            db.OfficialDays.AddRange(command.Days!.Select(d => OfficialDay.Of(d.Date, d.Kind, d.Name, command.Year)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result> Handle(Withdraw command, CancellationToken cancellationToken)
        {
            if (await ProvinceWideAsync(cancellationToken) is { } refused)
                return refused;
            await db.OfficialDays.Where(d => d.ScheduleYear == command.Year).ExecuteDeleteAsync(cancellationToken);
            calendar.Invalidate(); // a bulk delete does not pass through SaveChanges
            return Result.Ok();
        }

        // National holidays are the province office's business, not one department's.
        private async Task<Result?> ProvinceWideAsync(CancellationToken cancellationToken)
        {
            return await sender.Send(new CheckProvinceWideAccess(Permissions.ManageCalendar), cancellationToken) ? null : Result.Forbidden("Chỉ quản trị hệ thống cấp tỉnh mới nhập lịch nghỉ chính thức.");
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var schedules = app.MapGroup("/api/calendar/schedules").WithTags("Lịch làm việc");
            schedules.MapPut("/{year:int}", async (int year, List<Day>? days, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Replace(year, days), ct)).ToHttpResult())
                .WithSummary("Nhập lịch nghỉ chính thức Chính phủ công bố cho một năm (thay lịch đang có)");
            schedules.MapDelete("/{year:int}", async (int year, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Withdraw(year), ct)).ToHttpResult())
                .WithSummary("Bỏ lịch đã nhập: năm đó theo ngày nghỉ luật định");
        }
    }
}
