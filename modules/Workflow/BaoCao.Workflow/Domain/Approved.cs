using System.Globalization;
using BaoCao.Forms.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Contracts;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Domain;

internal static class Approved
{
    /// <summary>The latest approved value of every cell of one form, unit and period.</summary>
    public static async Task<Dictionary<(string Indicator, string Column, string Disaggregation), ApprovedValue>> LatestAsync(
        WorkflowDbContext db, string formCode, string unitCode, string period, CancellationToken cancellationToken) =>
        (await LatestAsync(db, formCode, [unitCode], period, cancellationToken)).ToDictionary(v => (v.Indicator, v.Column, v.Disaggregation));

    /// <summary>The latest approved value of every cell of one form and period, for several units in one query.</summary>
    public static async Task<List<ApprovedValue>> LatestAsync(
        WorkflowDbContext db, string formCode, IReadOnlyCollection<string> unitCodes, string period, CancellationToken cancellationToken)
    {
        var rows = await db.ApprovedValues.AsNoTracking()
            .Where(v => v.FormCode == formCode && v.Period == period && unitCodes.Contains(v.UnitCode))
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(v => (v.UnitCode, v.Indicator, v.Column, v.Disaggregation)).Select(g => g.MaxBy(v => v.Sequence)!)];
    }

    /// <summary>
    /// The one source of approved figures by indicator, unit and period, whatever form they were entered on: the latest
    /// approval of each cell wins (an indicator on two forms takes the later one; an emptied cell leaves no figure), as the
    /// dashboards' projection reads them. The grid's history columns, the report table and the dashboards agree because
    /// they all read this.
    /// </summary>
    public static async Task<Dictionary<(string UnitCode, string Period, string Indicator, string Column, string Disaggregation), decimal>> FiguresAsync(
        WorkflowDbContext db, IReadOnlyCollection<string> unitCodes, IReadOnlyCollection<string> indicators, IReadOnlyCollection<string> periods,
        IReadOnlyCollection<string> columns, bool totalsOnly, CancellationToken cancellationToken)
    {
        var rows = await db.ApprovedValues.AsNoTracking()
            .Where(v => unitCodes.Contains(v.UnitCode) && periods.Contains(v.Period) && indicators.Contains(v.Indicator) && columns.Contains(v.Column)
                        && (!totalsOnly || v.Disaggregation == ""))
            .Select(v => new { v.Sequence, v.UnitCode, v.Period, v.Indicator, v.Column, v.Disaggregation, v.Number })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(v => (v.UnitCode, v.Period, v.Indicator, v.Column, v.Disaggregation))
            .Select(g => g.MaxBy(v => v.Sequence)!)
            .Where(v => v.Number is not null)
            .ToDictionary(v => (v.UnitCode, v.Period, v.Indicator, v.Column, v.Disaggregation), v => v.Number!.Value);
    }

    /// <summary>
    /// Writes the cells of an approval that differ from the last approved version, each under the next sequence number,
    /// and publishes <see cref="DataApproved"/> after commit; returns the audit lines the caller appends in the same
    /// transaction. Must run inside the approving transaction (the sequence counter's row lock keeps commit order).
    /// </summary>
    public static async Task<IReadOnlyList<AuditTrail.Line>> StoreAsync(WorkflowDbContext db, Submission submission, IReadOnlyList<FormValue> values,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var approved = await LatestAsync(db, submission.FormCode, submission.UnitCode, submission.Period, cancellationToken);
        var current = values.ToDictionary(v => (v.Indicator, v.Column, v.Disaggregation));
        var changes = current.Where(c => !approved.TryGetValue(c.Key, out var old) || old.Number != c.Value.Number || old.Text != c.Value.Text)
            .Select(c => (c.Key, c.Value.Number, c.Value.Text))
            .Concat(approved.Where(a => !current.ContainsKey(a.Key) && (a.Value.Number is not null || a.Value.Text is not null))
                .Select(a => (a.Key, Number: (decimal?)null, Text: (string?)null)))
            .OrderBy(c => c.Key.Indicator).ThenBy(c => c.Key.Column).ThenBy(c => c.Key.Disaggregation)
            .ToList();
        if (changes.Count == 0)
            return [];
        var last = await AuditTrail.ReserveAsync(db, Counters.Approved, changes.Count, cancellationToken);
        var sequence = last - changes.Count;
        var lines = new List<AuditTrail.Line>();
        foreach (var (key, number, text) in changes)
        {
            db.ApprovedValues.Add(new ApprovedValue(++sequence, submission.FormCode, submission.UnitCode, submission.Period, key.Indicator, key.Column,
                key.Disaggregation, number, text, submission.Approvals, now));
            approved.TryGetValue(key, out var old);
            lines.Add(new("value.approved", $"{submission.FormCode}/{submission.UnitCode}/{submission.Period}/{key.Indicator}/{key.Column}/{key.Disaggregation}",
                Show(old?.Number, old?.Text), Show(number, text)));
        }
        db.Publish(new DataApproved(Guid.NewGuid(), submission.FormCode, submission.UnitCode, submission.Period, last), now);
        return lines;
    }

    private static string? Show(decimal? number, string? text) => number?.ToString(CultureInfo.InvariantCulture) ?? text;
}
