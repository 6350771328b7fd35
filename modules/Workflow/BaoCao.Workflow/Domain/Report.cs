using BaoCao.SharedKernel.Persistence;
using BaoCao.Workflow.Contracts;

namespace BaoCao.Workflow.Domain;

internal enum ReportAction { Submit, Approve, Return, Send, Receive, Reject }

/// <summary>Whose approved data fills the table part: the unit's own, the roll-up of its sub-units', or (a successor's)
/// its own with the units merged into it, each for the periods before its merger.</summary>
internal enum ReportSource { Own, SubUnits, Consolidated }

/// <summary>
/// The one state machine of a report (R7, Đ15): the officer submits it to the unit's leader, who approves it or returns
/// it with a reason; the approved report is sent to the receiving unit, whose accounts receive it or return it with a
/// reason (then the unit revises and submits again). Only a report being written (Draft, Returned, Rejected) can change.
/// </summary>
internal static class ReportStateMachine
{
    private static readonly Dictionary<(ReportState, ReportAction), ReportState> Transitions = new()
    {
        [(ReportState.Draft, ReportAction.Submit)] = ReportState.Submitted,
        [(ReportState.Returned, ReportAction.Submit)] = ReportState.Submitted,
        [(ReportState.Rejected, ReportAction.Submit)] = ReportState.Submitted,
        [(ReportState.Submitted, ReportAction.Approve)] = ReportState.Approved,
        [(ReportState.Submitted, ReportAction.Return)] = ReportState.Returned,
        [(ReportState.Approved, ReportAction.Send)] = ReportState.Sent,
        [(ReportState.Sent, ReportAction.Receive)] = ReportState.Received,
        [(ReportState.Sent, ReportAction.Reject)] = ReportState.Rejected,
    };

    public static IEnumerable<(ReportState From, ReportAction Action, ReportState To)> All =>
        Transitions.Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    public static (ReportState? Next, string? Refusal) Apply(ReportState state, ReportAction action) =>
        Transitions.TryGetValue((state, action), out var next)
            ? (next, null)
            : (null, $"Không thể {Verb(action)} báo cáo đang ở trạng thái “{Label(state)}”.");

    /// <summary>Whether the narrative and attachments may still change.</summary>
    public static bool AllowsEditing(ReportState state) => state is ReportState.Draft or ReportState.Returned or ReportState.Rejected;

    public static bool NeedsReason(ReportAction action) => action is ReportAction.Return or ReportAction.Reject;

    /// <summary>Receiving and returning are done by the receiving unit; the rest by the reporting unit.</summary>
    public static bool ByReceiver(ReportAction action) => action is ReportAction.Receive or ReportAction.Reject;

    public static string Label(ReportState state) => state switch
    {
        ReportState.Draft => "Đang soạn",
        ReportState.Submitted => "Chờ lãnh đạo duyệt",
        ReportState.Returned => "Lãnh đạo trả lại",
        ReportState.Approved => "Đã duyệt, chưa gửi",
        ReportState.Sent => "Đã gửi",
        ReportState.Received => "Đơn vị nhận đã tiếp nhận",
        _ => "Đơn vị nhận trả lại",
    };

    public static string Verb(ReportAction action) => action switch
    {
        ReportAction.Submit => "trình duyệt",
        ReportAction.Approve => "duyệt",
        ReportAction.Return => "trả lại",
        ReportAction.Send => "gửi",
        ReportAction.Receive => "tiếp nhận",
        _ => "trả lại (đơn vị nhận)",
    };
}

/// <summary>A heading of the narrative with what was written under it (HTML, sanitised on the way in).</summary>
internal sealed record NarrativeSection(string Heading, string Html);

/// <summary>A table of the report as it was when submitted: rows of indicators with their values per column.</summary>
internal sealed record ReportTablePart(string Title, IReadOnlyList<string> Columns, IReadOnlyList<string> ColumnLabels, IReadOnlyList<ReportTableRow> Rows,
    IReadOnlyList<string> Notes);

/// <summary>A form of a unit whose data for the period was not approved when the report was submitted: its table cells
/// are empty or stale. <paramref name="State"/> is where the data stood, in Vietnamese ("Chờ duyệt", "Đang nhập"…).</summary>
internal sealed record MissingApproval(string FormCode, string FormName, string UnitCode, string UnitName, string Period, string State)
{
    public string Describe() => $"{FormName} của {UnitName}, kỳ {Period}: {State.ToLowerInvariant()}";
}

internal sealed record ReportTableRow(string Indicator, string Name, string UnitOfMeasure, IReadOnlyList<decimal?> Values, IReadOnlyList<string?> Reasons);

/// <summary>
/// A report of a regime by a unit for a period (R7): a table part assembled from approved data, frozen when the report
/// is submitted; a narrative under the outline's headings; attachments. Every step is timestamped by the server; a
/// report sent after its due date is marked late.
/// </summary>
internal sealed class Report : IVersioned
{
    private Report() { }

    public Report(string regimeCode, string unitCode, string period, string receivingUnit, ReportSource source, IEnumerable<NarrativeSection> narrative,
        DateOnly dueDate, string by, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        RegimeCode = regimeCode;
        UnitCode = unitCode;
        Period = period;
        ReceivingUnit = receivingUnit;
        Source = source;
        Narrative = [.. narrative];
        DueDate = dueDate;
        CreatedBy = by;
        CreatedAt = at;
        State = ReportState.Draft;
    }

    public Guid Id { get; private set; }
    public string RegimeCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string ReceivingUnit { get; private set; } = "";
    public ReportSource Source { get; private set; }
    public ReportState State { get; private set; }
    public List<NarrativeSection> Narrative { get; private set; } = [];
    /// <summary>The table part frozen at submission; null while the report is being written (it is assembled live).</summary>
    public List<ReportTablePart>? Tables { get; private set; }
    /// <summary>The forms still unapproved when a regime allowing it let the report be submitted anyway ("số liệu chưa
    /// đầy đủ"); null or empty: the table part was complete.</summary>
    public List<MissingApproval>? Incomplete { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly DueDate { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? SentBy { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>Whether it was sent after the due date (Vietnam time); null until sent.</summary>
    public bool? Late { get; private set; }
    public string? ReceivedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public long Version { get; set; }

    public bool Editable => ReportStateMachine.AllowsEditing(State);

    public void Write(IEnumerable<NarrativeSection> narrative, ReportSource source)
    {
        Narrative = [.. narrative];
        Source = source;
    }

    /// <summary>Applies an action; <paramref name="tables"/> is the table part to freeze when submitting;
    /// <paramref name="lateAnyway"/> marks a report sent after reception closed as late whatever its due date.</summary>
    public string? Act(ReportAction action, string? reason, DateTimeOffset at, DateOnly today, string by, IReadOnlyList<ReportTablePart>? tables = null,
        bool lateAnyway = false, IReadOnlyList<MissingApproval>? incomplete = null)
    {
        var (next, refusal) = ReportStateMachine.Apply(State, action);
        if (next is null)
            return refusal;
        State = next.Value;
        Reason = ReportStateMachine.NeedsReason(action) ? reason!.Trim() : null;
        switch (action)
        {
            case ReportAction.Submit:
                (SubmittedBy, SubmittedAt, DecidedBy, DecidedAt, SentBy, SentAt, Late, ReceivedBy, ReceivedAt) = (by, at, null, null, null, null, null, null, null);
                Tables = tables is null ? null : [.. tables];
                Incomplete = incomplete is { Count: > 0 } ? [.. incomplete] : null;
                break;
            case ReportAction.Approve or ReportAction.Return:
                (DecidedBy, DecidedAt) = (by, at);
                if (action == ReportAction.Return)
                    (Tables, Incomplete) = (null, null);
                break;
            case ReportAction.Send:
                (SentBy, SentAt, Late) = (by, at, lateAnyway || today > DueDate);
                break;
            default:
                (ReceivedBy, ReceivedAt) = (by, at);
                if (action == ReportAction.Reject)
                    (Tables, Incomplete) = (null, null);
                break;
        }
        return null;
    }
}

/// <summary>A file attached to a report, kept in the database with the report (one backup, one transaction) and served
/// only as a download under its checked type.</summary>
internal sealed class ReportAttachment
{
    private ReportAttachment() { }

    public ReportAttachment(Guid reportId, string fileName, string contentType, byte[] content, string sha256, string by, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        Sha256 = sha256;
        UploadedBy = by;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}
