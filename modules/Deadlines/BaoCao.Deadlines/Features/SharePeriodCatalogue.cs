using BaoCao.Accounts.Contracts;
using BaoCao.Deadlines.Contracts;
using BaoCao.SharedKernel.Exchange;

namespace BaoCao.Deadlines.Features;

/// <summary>
/// The period catalogue packet for the Government's system and sectoral systems (QCVN 125): every period of a year
/// (months, quarters, half-years, nine months, the year) with its calendar bounds, its data window under the rule asked
/// (Decree 09/2019 by default) and its due date under the due-date rule asked, shifted to a working day on the province's
/// calendar. Signed with the province's key (Accounts) and described in <c>/api/exchange/schemas</c>.
/// </summary>
internal static class SharePeriodCatalogue
{
    internal sealed record Query(int? Year, string? Rule, int? DueDay, int? DueDaysAfterWindow) : IQuery<Result<PeriodCatalogue>>;

    /// <param name="Rule">decree09 or calendar: how data windows are cut.</param>
    /// <param name="DueDay">Due on this day of the window's last month, unless <paramref name="DueDaysAfterWindow"/> is given.</param>
    internal sealed record PeriodCatalogue(int Year, string Rule, int DueDay, int? DueDaysAfterWindow, IReadOnlyList<CataloguePeriod> Periods);

    /// <param name="Kind">Month, Quarter, HalfYear, NineMonths or Year.</param>
    /// <param name="ShiftReason">Why the due date moved from <paramref name="DueDateUnshifted"/> (a holiday, a weekend), in Vietnamese.</param>
    internal sealed record CataloguePeriod(string Code, string Kind, DateOnly Start, DateOnly End, DateOnly CutOffStart, DateOnly CutOffEnd,
        DateOnly DueDate, DateOnly DueDateUnshifted, string? ShiftReason);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Year).NotNull().WithMessage("Cần năm (year), ví dụ 2026.");
            RuleFor(q => q.Year).InclusiveBetween(1902, 2099).When(q => q.Year is not null).WithMessage("Năm (year) phải trong khoảng 1902–2099.");
            RuleFor(q => q.Rule).Must(r => r is null or "decree09" or "calendar")
                .WithMessage("Quy tắc chốt số liệu phải là 'decree09' (Điều 12 Nghị định 09/2019) hoặc 'calendar' (theo lịch).");
            RuleFor(q => q.DueDay).InclusiveBetween(1, 31).When(q => q.DueDay is not null).WithMessage("Ngày hạn (dueDay) phải từ 1 đến 31.");
            RuleFor(q => q.DueDaysAfterWindow).InclusiveBetween(0, 366).When(q => q.DueDaysAfterWindow is not null)
                .WithMessage("Số ngày sau khi chốt số liệu (dueDaysAfterWindow) phải từ 0 đến 366.");
        }
    }

    internal sealed class Handler(ISender sender) : IQueryHandler<Query, Result<PeriodCatalogue>>
    {
        public async ValueTask<Result<PeriodCatalogue>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (year, rule, dueDay) = (query.Year!.Value, query.Rule ?? "decree09", query.DueDay ?? 20);
            IEnumerable<string> codes = [.. Enumerable.Range(1, 12).Select(m => $"{year}{m:00}"), .. Enumerable.Range(1, 4).Select(q => $"{year}Q{q}"),
                $"{year}S1", $"{year}S2", $"{year}9M", $"{year}"];
            var periods = new List<CataloguePeriod>();
            foreach (var code in codes)
            {
                var info = (await sender.Send(new GetPeriodInfo(code, rule, dueDay, query.DueDaysAfterWindow), cancellationToken))!;
                periods.Add(new CataloguePeriod(info.Code, info.Kind.ToString(), info.Start, info.End, info.CutOffStart, info.CutOffEnd, info.DueDate, info.DueDateUnshifted, info.ShiftReason));
            }
            return new PeriodCatalogue(year, rule, dueDay, query.DueDaysAfterWindow, periods);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/exchange/packets/period-catalogue", (int? year, string? rule, int? dueDay, int? dueDaysAfterWindow, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new Query(year, rule, dueDay, dueDaysAfterWindow), body => new SignPacket("period-catalogue", body), ct))
                .WithTags("Trao đổi dữ liệu")
                .Produces<SignedPacket>()
                .WithSummary("Gói tin danh mục kỳ báo cáo của một năm: thời gian chốt số liệu và thời hạn gửi (đã dời theo ngày nghỉ)");
    }
}
