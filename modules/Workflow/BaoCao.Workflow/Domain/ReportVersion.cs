using BaoCao.Workflow.Contracts;

namespace BaoCao.Workflow.Domain;

/// <summary>An attachment as a version lists it: enough to prove which file went with the report.</summary>
internal sealed record VersionedAttachment(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// One step of a report kept as it was (R7, Đ15): each submission, approval, return, sending, reception and rejection
/// adds a numbered version holding the frozen table part, the narrative, the attachment list with checksums, who
/// acted, when and why. Versions are never changed: what the leader approved, what the province received and what it
/// sent back can always be shown again, whatever the report became afterwards.
/// </summary>
internal sealed class ReportVersion
{
    private ReportVersion() { }

    /// <param name="tables">The table part as it stood for this step: frozen at submission, or, for a return or a
    /// rejection, the one that was returned (the report itself then clears it); <paramref name="incomplete"/> likewise.</param>
    public ReportVersion(Report report, int number, ReportAction action, IReadOnlyList<ReportTablePart>? tables, IReadOnlyList<MissingApproval>? incomplete,
        IReadOnlyList<VersionedAttachment> attachments, string by, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ReportId = report.Id;
        Number = number;
        Action = action;
        State = report.State;
        At = at;
        By = by;
        Reason = report.Reason;
        Source = report.Source;
        Late = report.Late;
        Narrative = [.. report.Narrative];
        Tables = tables is null ? [] : [.. tables];
        Incomplete = incomplete is { Count: > 0 } ? [.. incomplete] : null;
        Attachments = [.. attachments];
        (SubmittedBy, SubmittedAt, DecidedBy, DecidedAt, SentBy, SentAt, ReceivedBy, ReceivedAt) =
            (report.SubmittedBy, report.SubmittedAt, report.DecidedBy, report.DecidedAt, report.SentBy, report.SentAt, report.ReceivedBy, report.ReceivedAt);
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int Number { get; private set; }
    public ReportAction Action { get; private set; }
    /// <summary>The state the step left the report in.</summary>
    public ReportState State { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string? Reason { get; private set; }
    public ReportSource Source { get; private set; }
    public bool? Late { get; private set; }
    public List<NarrativeSection> Narrative { get; private set; } = [];
    public List<ReportTablePart> Tables { get; private set; } = [];
    public List<MissingApproval>? Incomplete { get; private set; }
    public List<VersionedAttachment> Attachments { get; private set; } = [];
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? SentBy { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? ReceivedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>Whether the receiving unit may read this version: only what was sent to it and its own answers.</summary>
    public bool SeenByReceiver => Action is ReportAction.Send or ReportAction.Receive or ReportAction.Reject;
}
