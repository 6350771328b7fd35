using Microsoft.Extensions.DependencyInjection;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Features;

/// <summary>Administrators check that nobody altered, inserted or deleted audit entries: the chain is recomputed
/// from the first entry, and the first entry that does not fit is named.</summary>
internal static class VerifyAudit
{
    internal sealed record Query : IQuery<Result<Verification>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ViewAuditTrail;
    }

    internal sealed record Verification(bool Valid, long Entries, long? FirstBrokenAt);

    internal sealed class Handler(WorkflowDbContext db) : IQueryHandler<Query, Result<Verification>>
    {
        public async ValueTask<Result<Verification>> Handle(Query query, CancellationToken cancellationToken)
        {
            // Streamed in id order: the trail may hold millions of entries.
            var entries = db.Audit.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable();
            var previousHash = AuditEntry.Genesis;
            long previousId = 0, count = 0;
            long? broken = null;
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                count++;
                if (broken is null && AuditEntry.FirstBroken([entry], previousId, previousHash) is { } at)
                    broken = at;
                previousHash = entry.Hash;
                previousId = entry.Id;
            }
            var recorded = await db.Counters.Where(c => c.Name == Counters.Audit).Select(c => c.Value).SingleAsync(cancellationToken);
            // The counter remembers how many entries the application wrote: entries deleted from the end leave no gap in
            // the chain, and entries appended behind the application's back go beyond the counter.
            if (broken is null && recorded != previousId)
                broken = Math.Min(recorded, previousId) + 1;
            return new Verification(broken is null, count, broken);
        }
    }

    /// <summary>The command-line entry point: <c>BaoCao.Web verify-audit</c>, for operators and scheduled checks.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var result = (await services.GetRequiredService<ISender>().Send(new Query(), cancellationToken)).Value!;
        await output.WriteLineAsync(result.Valid
            ? $"Nhật ký nguyên vẹn: {result.Entries:N0} dòng, chuỗi băm khớp từ đầu đến cuối."
            : $"NHẬT KÝ BỊ CAN THIỆP: dòng đầu tiên không khớp là dòng số {result.FirstBrokenAt} (tổng {result.Entries:N0} dòng).");
        return result.Valid ? 0 : 3;
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/workflow/audit/verify", async (ISender sender, CancellationToken ct) => (await sender.Send(new Query(), ct)).ToHttpResult())
                .WithTags("Nhật ký hệ thống")
                .WithSummary("Kiểm tra chuỗi băm của nhật ký: phát hiện dòng bị sửa, chèn hoặc xóa");
    }
}
