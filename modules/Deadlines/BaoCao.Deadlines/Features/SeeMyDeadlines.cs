using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Domain;
using BaoCao.Deadlines.Persistence;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Time;
using BaoCao.Workflow.Contracts;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// The officer's and leader's home: the reports their units still owe (due from six weeks ago to a month ahead), nearest
/// deadline first, with the working days left. Cheap: one query for what is owed, one status query per regime and period.
/// </summary>
internal static class SeeMyDeadlines
{
    internal sealed record Query : IQuery<IReadOnlyList<Pending>>;

    /// <param name="WorkingDaysLeft">Working days until the due date; 0 on the day; negative once it has passed.</param>
    internal sealed record Pending(string RegimeCode, string RegimeName, string UnitCode, string Period, DateOnly DueDate, int WorkingDaysLeft);

    internal sealed class Handler(DeadlinesDbContext db, ISender sender, WorkingCalendar calendars, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Pending>>
    {
        public async ValueTask<IReadOnlyList<Pending>> Handle(Query query, CancellationToken cancellationToken)
        {
            var units = (await sender.Send(new GetUnitCodesInScope(Permissions.CreateReports), cancellationToken))
                .Concat(await sender.Send(new GetUnitCodesInScope(Permissions.ApproveReports), cancellationToken)).Distinct().ToList();
            if (units.Count == 0)
                return [];
            var today = VietnamTime.Today(clock);
            var owed = await db.ExpectedReports.AsNoTracking()
                .Where(e => units.Contains(e.UnitCode) && e.DueDate >= today.AddDays(-45) && e.DueDate <= today.AddDays(31))
                .OrderBy(e => e.DueDate).Take(200).ToListAsync(cancellationToken);
            if (owed.Count == 0)
                return [];
            var calendar = await calendars.LoadAsync(cancellationToken);
            var names = (await sender.Send(new ListRegimes(), cancellationToken)).ToDictionary(r => r.Code, r => r.Name);
            var pending = new List<Pending>();
            foreach (var group in owed.GroupBy(e => (e.RegimeCode, e.Period)))
            {
                var reported = (await sender.Send(new ListReportStatuses(group.Key.RegimeCode, group.Key.Period), cancellationToken))
                    .Where(s => s.Reported).Select(s => s.UnitCode).ToHashSet();
                pending.AddRange(group.Where(e => !reported.Contains(e.UnitCode)).Select(e => new Pending(e.RegimeCode, names.GetValueOrDefault(e.RegimeCode, e.RegimeCode),
                    e.UnitCode, e.Period, e.DueDate, WorkingDaysBetween(calendar, today, e.DueDate))));
            }
            return [.. pending.OrderBy(p => p.DueDate).ThenBy(p => p.UnitCode, StringComparer.Ordinal)];
        }

        private static int WorkingDaysBetween(HolidayCalendar calendar, DateOnly today, DateOnly due)
        {
            var (from, to, sign) = due >= today ? (today, due, 1) : (due, today, -1);
            var days = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                if (calendar.IsWorkingDay(day))
                    days++;
            }
            return sign * days;
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/deadlines/mine", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new Query(), ct)))
                .WithTags("Nhắc hạn")
                .WithSummary("Báo cáo các đơn vị của bạn còn phải gửi, hạn gần nhất trước, với số ngày làm việc còn lại");
    }
}
