using BaoCao.Accounts.Contracts;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>
/// The change feed of approved values: everything after a sequence number, in order, a page at a time. Readers keep
/// the last sequence they processed and ask again from there, so nothing is missed or read twice. Scope-filtered:
/// a caller sees the units where they may view dashboards (province administrators and province-wide tokens: all).
/// </summary>
internal static class ReadApprovedValues
{
    internal sealed record Query(long? After, int? Limit) : IQuery<Result<Page>>;

    internal sealed record Page(IReadOnlyList<Item> Items, long Last);

    internal sealed record Item(long Sequence, string FormCode, string Indicator, string Column, string Disaggregation, string UnitCode, string Period,
        decimal? Value, string? Text, int Approval, DateTimeOffset ApprovedAt);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.After).GreaterThanOrEqualTo(0).When(q => q.After is not null).WithMessage("Tham số after phải là số thứ tự không âm (0 để đọc từ đầu).");
            RuleFor(q => q.Limit).InclusiveBetween(1, 10_000).When(q => q.Limit is not null).WithMessage("Tham số limit phải từ 1 đến 10.000.");
        }
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var after = query.After ?? 0;
            var values = db.ApprovedValues.AsNoTracking().Where(v => v.Sequence > after);
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ViewDashboards), cancellationToken))
            {
                var units = await sender.Send(new GetUnitCodesInScope(Permissions.ViewDashboards), cancellationToken);
                values = values.Where(v => units.Contains(v.UnitCode));
            }
            var items = await values.OrderBy(v => v.Sequence).Take(query.Limit ?? 1000)
                .Select(v => new Item(v.Sequence, v.FormCode, v.Indicator, v.Column, v.Disaggregation, v.UnitCode, v.Period, v.Number, v.Text, v.Approval, v.ApprovedAt))
                .ToListAsync(cancellationToken);
            return new Page(items, items.Count > 0 ? items[^1].Sequence : after);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/workflow/approved", async (long? after, int? limit, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(after, limit), ct)).ToHttpResult())
                .WithTags("Duyệt số liệu")
                .WithSummary("Dòng thay đổi của kho số liệu đã duyệt, sau số thứ tự after");
    }
}
