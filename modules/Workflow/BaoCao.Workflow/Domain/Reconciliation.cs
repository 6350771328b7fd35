namespace BaoCao.Workflow.Domain;

/// <summary>One comparison of a source system's figures with the approved values (Đ10.1): counts, and each cell that
/// differs or is missing on one side (at most <see cref="MaximumFindings"/> kept).</summary>
internal sealed class Reconciliation
{
    public const int MaximumFindings = 10_000;

    private Reconciliation() { }

    public Reconciliation(string source, DateTimeOffset runAt, string runBy, int matches, IReadOnlyList<ReconciliationFinding> findings) =>
        (Id, Source, RunAt, RunBy, Matches, Differences, MissingHere, MissingInSource, Findings) = (Guid.CreateVersion7(), source, runAt, runBy, matches,
            findings.Count(f => f.Kind == FindingKind.Different), findings.Count(f => f.Kind == FindingKind.MissingHere),
            findings.Count(f => f.Kind == FindingKind.MissingInSource), [.. findings.Take(MaximumFindings)]);

    public Guid Id { get; private set; }
    public string Source { get; private set; } = "";
    public DateTimeOffset RunAt { get; private set; }
    public string RunBy { get; private set; } = "";
    public int Matches { get; private set; }
    public int Differences { get; private set; }
    /// <summary>In the source, not approved here.</summary>
    public int MissingHere { get; private set; }
    /// <summary>Approved here, not in the source (within the forms, units and periods the source covers).</summary>
    public int MissingInSource { get; private set; }
    public List<ReconciliationFinding> Findings { get; private set; } = [];
}

internal enum FindingKind
{
    Different,
    MissingHere,
    MissingInSource,
}

internal sealed record ReconciliationFinding(FindingKind Kind, string DataSet, string OrgUnit, string Period, string DataElement, string CategoryOptionCombo,
    string? AttributeOptionCombo, string? SourceValue, string? ApprovedValue);
