using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>Administrators read the audit trail: every state change and value change, who, when, from where, before
/// and after — filtered by subject (e.g. "BM-TC-THANG/STC/202610") and newest first.</summary>
internal static class ViewAuditTrail
{
    internal sealed record Query(string? Subject, long? Before, int? Limit) : IQuery<Result<IReadOnlyList<Entry>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ViewAuditTrail;
    }

    internal sealed record Entry(long Id, DateTimeOffset At, string By, string? Address, string Kind, string Subject, string? Before, string? After, string Hash);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).InclusiveBetween(1, 1000).When(q => q.Limit is not null).WithMessage("Tham số limit phải từ 1 đến 1.000.");
    }

    internal sealed class Handler(WorkflowDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Entry>>>
    {
        public async ValueTask<Result<IReadOnlyList<Entry>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = db.Audit.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Subject))
            {
                var subject = Codes.Normalize(query.Subject);
                entries = entries.Where(e => e.Subject.StartsWith(subject));
            }
            if (query.Before is { } before)
                entries = entries.Where(e => e.Id < before);
            return Result.Ok<IReadOnlyList<Entry>>(await entries.OrderByDescending(e => e.Id).Take(query.Limit ?? 200)
                .Select(e => new Entry(e.Id, e.At, e.By, e.Address, e.Kind, e.Subject, e.Before, e.After, e.Hash))
                .ToListAsync(cancellationToken));
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/workflow/audit", async (string? subject, long? before, int? limit, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Query(subject, before, limit), ct)).ToHttpResult())
                .WithTags("Nhật ký hệ thống")
                .WithSummary("Nhật ký thay đổi trạng thái và số liệu (mới nhất trước; lọc theo đối tượng)");
    }
}
