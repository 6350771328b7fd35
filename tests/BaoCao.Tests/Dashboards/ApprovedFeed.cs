using BaoCao.Dashboards.Projection;
using BaoCao.Tests.Infrastructure;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Dashboards;

/// <summary>
/// Puts approved figures for any unit and indicator straight into Workflow's approved store, numbered by its sequence
/// counter like a real approval — the feed the projector reads — so roll-up cases need no form per unit. Then runs the
/// projector to the end of the feed.
/// </summary>
internal static class ApprovedFeed
{
    public static async Task AppendAsync(BaoCaoApp app, params (string Unit, string Indicator, string Period, decimal? Value)[] values)
    {
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WorkflowDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var last = await AuditTrail.ReserveAsync(db, Counters.Approved, values.Length, CancellationToken.None);
            var sequence = last - values.Length;
            foreach (var (unit, indicator, period, value) in values)
                db.ApprovedValues.Add(new ApprovedValue(++sequence, "BM-THU-NGHIEM", unit, period, indicator, "current", "", value, null, 1, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        await ProjectAsync(app);
    }

    public static Task<int> ProjectAsync(BaoCaoApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<AggregatesProjector>().CatchUpAsync(CancellationToken.None));
}
