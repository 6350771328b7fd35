using Mediator;

namespace BaoCao.Workflow.Contracts;

/// <summary>The approval state of a form's data for a unit and period: Draft (never submitted), Submitted, Approved,
/// Returned or Reopened; and whether officers may change the values now (not while Submitted or Approved).</summary>
public sealed record GetSubmissionState(string FormCode, string UnitCode, string Period) : IQuery<SubmissionStatus>;

public sealed record SubmissionStatus(string State, bool EntryOpen, string? Reason);

/// <summary>Where each unit's report of a regime stands for a period (units that have not started have no row), for
/// deadlines, reminders and the compliance report.</summary>
public sealed record ListReportStatuses(string RegimeCode, string Period) : IQuery<IReadOnlyList<ReportStatus>>;

/// <param name="State">Draft, Submitted, Returned, Approved, Sent, Received or Rejected.</param>
/// <param name="SentAt">When it was sent to the receiving unit (null until then, and again after a rejection and resubmission).</param>
/// <param name="Late">Whether it was sent after its due date.</param>
public sealed record ReportStatus(string UnitCode, string State, DateTimeOffset? SentAt, bool? Late)
{
    /// <summary>Sent and not returned by the receiving unit: what counts as reported.</summary>
    public bool Reported => State is "Sent" or "Received";
}

/// <summary>How many times each unit submitted data for approval or sent a report between two instants, for the usage
/// report (Đ18.1); counted from the audit trail, so every submission counts, not only the last.</summary>
public sealed record CountSubmissions(DateTimeOffset From, DateTimeOffset To) : IQuery<IReadOnlyDictionary<string, int>>;

/// <summary>Whether the current user may follow who has reported on a regime: accounts of its receiving unit and of its
/// lead unit, and the province office.</summary>
public sealed record CheckTrackingAccess(string RegimeCode) : IQuery<bool>;
