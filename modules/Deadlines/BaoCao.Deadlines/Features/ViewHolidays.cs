using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Features;

/// <summary>Anyone (no sign-in) asks which days of a year are holidays, compensatory days or working Saturdays,
/// and whether a given date is a working day and why.</summary>
internal static class ViewHolidays
{
    internal sealed record Year(int? Value) : IQuery<Result<IReadOnlyList<HolidayBody>>>;

    internal sealed record HolidayBody(DateOnly Date, string Name, string Kind);

    /// <summary>The whole calendar as it stands (immutable), for the calendar page that shows a year month by month.</summary>
    internal sealed record Calendar : IQuery<HolidayCalendar>;

    internal sealed record Day(DateOnly? Date) : IQuery<Result<WorkingDayBody>>;

    internal sealed record WorkingDayBody(DateOnly Date, bool IsWorkingDay, string Reason);

    internal sealed class YearValidator : AbstractValidator<Year>
    {
        public YearValidator() => RuleFor(q => q.Value).NotNull().WithMessage("Cần nêu năm (year=YYYY).")
            .InclusiveBetween(LunarCalendar.Earliest.Year + 1, LunarCalendar.Latest.Year).WithMessage($"Năm phải trong khoảng {LunarCalendar.Earliest.Year + 1}–{LunarCalendar.Latest.Year}.");
    }

    internal sealed class DayValidator : AbstractValidator<Day>
    {
        public DayValidator() => RuleFor(q => q.Date).NotNull().WithMessage("Cần nêu ngày (date=YYYY-MM-DD).")
            .Must(d => d is null || (d.Value.Year > LunarCalendar.Earliest.Year && d.Value <= LunarCalendar.Latest))
            .WithMessage($"Ngày phải trong khoảng {LunarCalendar.Earliest.Year + 1}–{LunarCalendar.Latest.Year}.");
    }

    internal static string KindName(DayKind kind) => kind switch
    {
        DayKind.Compensatory => "compensatory",
        DayKind.WorkingSaturday => "working-saturday",
        _ => "holiday",
    };

    internal sealed class Handler(WorkingCalendar calendar)
        : IQueryHandler<Year, Result<IReadOnlyList<HolidayBody>>>, IQueryHandler<Day, Result<WorkingDayBody>>, IQueryHandler<Calendar, HolidayCalendar>
    {
        public async ValueTask<HolidayCalendar> Handle(Calendar query, CancellationToken cancellationToken) => await calendar.LoadAsync(cancellationToken);

        public async ValueTask<Result<IReadOnlyList<HolidayBody>>> Handle(Year query, CancellationToken cancellationToken)
        {
            var days = (await calendar.LoadAsync(cancellationToken)).YearOf(query.Value!.Value);
            return Result.Ok<IReadOnlyList<HolidayBody>>([.. days.Select(d => new HolidayBody(d.Date, d.Name, KindName(d.Kind)))]);
        }

        public async ValueTask<Result<WorkingDayBody>> Handle(Day query, CancellationToken cancellationToken)
        {
            var status = (await calendar.LoadAsync(cancellationToken)).StatusOf(query.Date!.Value);
            return new WorkingDayBody(status.Date, status.IsWorkingDay, status.Reason);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var calendar = app.MapGroup("/api/calendar").WithTags("Lịch làm việc").AllowAnonymous();
            calendar.MapGet("/holidays", async (int? year, ISender sender, CancellationToken ct) => (await sender.Send(new Year(year), ct)).ToHttpResult())
                .WithSummary("Ngày nghỉ lễ, Tết, nghỉ bù và Thứ Bảy làm việc bù của một năm");
            calendar.MapGet("/working-day", async (DateOnly? date, ISender sender, CancellationToken ct) => (await sender.Send(new Day(date), ct)).ToHttpResult())
                .WithSummary("Một ngày có phải ngày làm việc không, và vì sao");
        }
    }
}
