using BaoCao.Deadlines.Contracts;
using BaoCao.Deadlines.Domain;

namespace BaoCao.Deadlines.Features;

/// <summary>Anyone asks what a period code means: calendar bounds, the data window (Decree 09 or calendar) and the
/// due date under a rule, shifted to a working day and saying why.</summary>
internal static class ExplainPeriod
{
    internal sealed record Query(string Code, string? Rule, int? DueDay, int? DueDaysAfterWindow, DateOnly? DueDate) : IQuery<Result<PeriodBody>>;

    internal sealed record PeriodBody(string Code, string Kind, DateOnly Start, DateOnly End, DateOnly CutOffStart, DateOnly CutOffEnd,
        DateOnly DueDate, DateOnly DueDateUnshifted, string? ShiftReason, string? Warning);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Code).Must(c => Period.TryParse(c) is not null)
                .WithMessage(q => $"Mã kỳ báo cáo '{q.Code}' không hợp lệ. Dùng {Period.Formats}; năm trong khoảng 1901–2100.");
            RuleFor(q => q.Rule).Must(r => r is null or "decree09" or "calendar")
                .WithMessage("Quy tắc chốt số liệu phải là 'decree09' (Điều 12 Nghị định 09/2019) hoặc 'calendar' (theo lịch).");
            RuleFor(q => q.DueDay).InclusiveBetween(1, 31).When(q => q.DueDay is not null).WithMessage("Ngày hạn (dueDay) phải từ 1 đến 31.");
            RuleFor(q => q.DueDaysAfterWindow).InclusiveBetween(0, 366).When(q => q.DueDaysAfterWindow is not null)
                .WithMessage("Số ngày sau khi chốt số liệu (dueDaysAfterWindow) phải từ 0 đến 366.");
        }
    }

    internal sealed class Handler(WorkingCalendar calendar) : IQueryHandler<Query, Result<PeriodBody>>, IQueryHandler<GetPeriodInfo, PeriodInfo?>
    {
        public async ValueTask<Result<PeriodBody>> Handle(Query query, CancellationToken cancellationToken)
        {
            var info = await ExplainAsync(query.Code, query.Rule, query.DueDay, query.DueDaysAfterWindow, query.DueDate, cancellationToken);
            return info is null
                ? Result<PeriodBody>.Invalid($"Mã kỳ báo cáo '{query.Code}' không hợp lệ.", "code")
                : new PeriodBody(info.Code, info.Kind.ToString(), info.Start, info.End, info.CutOffStart, info.CutOffEnd, info.DueDate, info.DueDateUnshifted, info.ShiftReason, info.Warning);
        }

        public async ValueTask<PeriodInfo?> Handle(GetPeriodInfo query, CancellationToken cancellationToken) =>
            await ExplainAsync(query.Code, query.Rule, query.DueDay, query.DueDaysAfterWindow, query.ExplicitDueDate, cancellationToken);

        private async Task<PeriodInfo?> ExplainAsync(string code, string? rule, int? dueDay, int? daysAfter, DateOnly? explicitDue, CancellationToken cancellationToken)
        {
            if (Period.TryParse(code) is not { } period)
                return null;
            var windowRule = rule == "calendar" ? WindowRule.Calendar : WindowRule.Decree09;
            var window = period.Window(windowRule);
            var due = DueDates.For(period, windowRule, new DueDateRule(dueDay ?? 20, daysAfter, explicitDue), await calendar.LoadAsync(cancellationToken));
            return new PeriodInfo(period.Code, period.Kind, period.Start, period.End, window.Start, window.End,
                due.Shifted, due.Unshifted, due.ShiftReason, due.Warning);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/periods/{code}", async (string code, string? rule, int? dueDay, int? dueDaysAfterWindow, DateOnly? dueDate, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(code, rule, dueDay, dueDaysAfterWindow, dueDate), ct)).ToHttpResult())
                .AllowAnonymous()
                .WithTags("Kỳ báo cáo")
                .WithSummary("Kỳ báo cáo: thời gian chốt số liệu và thời hạn gửi báo cáo (đã dời khỏi ngày nghỉ)");
    }
}
