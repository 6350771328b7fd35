using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Domain;

internal static class Approved
{
    /// <summary>The latest approved value of every cell of one form, unit and period.</summary>
    public static async Task<Dictionary<(string Indicator, string Column, string Disaggregation), ApprovedValue>> LatestAsync(
        WorkflowDbContext db, string formCode, string unitCode, string period, CancellationToken cancellationToken)
    {
        var rows = await db.ApprovedValues.AsNoTracking()
            .Where(v => v.FormCode == formCode && v.UnitCode == unitCode && v.Period == period)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(v => (v.Indicator, v.Column, v.Disaggregation)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Sequence)!);
    }
}
