using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Features;

/// <summary>Anyone (no sign-in) converts a date between the solar and the Vietnamese lunar calendar.</summary>
internal static class ConvertLunarDates
{
    internal sealed record ToLunar(DateOnly? Date) : IQuery<Result<LunarBody>>;

    internal sealed record LunarBody(int Day, int Month, int Year, bool IsLeapMonth);

    internal sealed record ToSolar(int? LunarYear, int? LunarMonth, int? LunarDay, bool Leap) : IQuery<Result<SolarBody>>;

    internal sealed record SolarBody(DateOnly Date);

    private static readonly string Range = $"từ {LunarCalendar.Earliest:dd/MM/yyyy} đến {LunarCalendar.Latest:dd/MM/yyyy}";

    internal sealed class ToLunarValidator : AbstractValidator<ToLunar>
    {
        public ToLunarValidator() => RuleFor(q => q.Date)
            .NotNull().WithMessage("Cần nêu ngày dương lịch (date=YYYY-MM-DD).")
            .Must(d => d is null || (d >= LunarCalendar.Earliest && d <= LunarCalendar.Latest)).WithMessage($"Âm lịch được tính cho các ngày {Range}.");
    }

    internal sealed class ToSolarValidator : AbstractValidator<ToSolar>
    {
        public ToSolarValidator()
        {
            RuleFor(q => q.LunarYear).NotNull().WithMessage("Cần nêu năm âm lịch (lunarYear).")
                .InclusiveBetween(LunarCalendar.Earliest.Year, LunarCalendar.Latest.Year).WithMessage($"Năm âm lịch phải trong khoảng {LunarCalendar.Earliest.Year}–{LunarCalendar.Latest.Year}.");
            RuleFor(q => q.LunarMonth).NotNull().WithMessage("Cần nêu tháng âm lịch (lunarMonth).")
                .InclusiveBetween(1, 12).WithMessage("Tháng âm lịch phải từ 1 đến 12.");
            RuleFor(q => q.LunarDay).NotNull().WithMessage("Cần nêu ngày âm lịch (lunarDay).")
                .InclusiveBetween(1, 30).WithMessage("Ngày âm lịch phải từ 1 đến 30.");
        }
    }

    internal sealed class Handler : IQueryHandler<ToLunar, Result<LunarBody>>, IQueryHandler<ToSolar, Result<SolarBody>>
    {
        public ValueTask<Result<LunarBody>> Handle(ToLunar query, CancellationToken cancellationToken)
        {
            var lunar = LunarCalendar.FromSolar(query.Date!.Value);
            return ValueTask.FromResult<Result<LunarBody>>(new LunarBody(lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth));
        }

        public ValueTask<Result<SolarBody>> Handle(ToSolar query, CancellationToken cancellationToken)
        {
            var date = LunarCalendar.ToSolar(query.LunarYear!.Value, query.LunarMonth!.Value, query.LunarDay!.Value, query.Leap);
            Result<SolarBody> result = date is { } found
                ? new SolarBody(found)
                : Result<SolarBody>.Invalid(query.Leap
                    ? $"Năm âm lịch {query.LunarYear} không có tháng {query.LunarMonth} nhuận, hoặc tháng đó không có ngày {query.LunarDay}."
                    : $"Tháng {query.LunarMonth} năm âm lịch {query.LunarYear} không có ngày {query.LunarDay}.");
            return ValueTask.FromResult(result);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var calendar = app.MapGroup("/api/calendar").WithTags("Lịch làm việc").AllowAnonymous();
            calendar.MapGet("/lunar", async (DateOnly? date, ISender sender, CancellationToken ct) => (await sender.Send(new ToLunar(date), ct)).ToHttpResult())
                .WithSummary("Đổi ngày dương lịch sang âm lịch (múi giờ UTC+7)");
            calendar.MapGet("/solar", async (int? lunarYear, int? lunarMonth, int? lunarDay, bool? leap, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ToSolar(lunarYear, lunarMonth, lunarDay, leap ?? false), ct)).ToHttpResult())
                .WithSummary("Đổi ngày âm lịch sang dương lịch");
        }
    }
}
