using Mediator;

namespace BaoCao.Workflow.Contracts;

/// <summary>Where a form's data of one unit and period stands. No row means Draft: nobody has submitted it yet. Stored by
/// name (the members' names are the storage and the API's JSON; do not rename them).</summary>
public enum SubmissionState { Draft, Submitted, Approved, Returned, Reopened }

/// <summary>Where a report stands: written, approved by the unit's leader, sent to the receiving unit, received there, or
/// returned by it. Stored by name (do not rename the members).</summary>
public enum ReportState { Draft, Submitted, Returned, Approved, Sent, Received, Rejected }

/// <summary>The approval state of a form's data for a unit and period: Draft (never submitted), Submitted, Approved,
/// Returned or Reopened; and whether officers may change the values now (not while Submitted or Approved).</summary>
public sealed record GetSubmissionState(string FormCode, string UnitCode, string Period) : IQuery<SubmissionStatus>;

public sealed record SubmissionStatus(SubmissionState State, bool EntryOpen, string? Reason);

/// <summary>Where each unit's report of a regime stands for a period (units that have not started have no row), for
/// deadlines, reminders and the compliance report.</summary>
public sealed record ListReportStatuses(string RegimeCode, string Period) : IQuery<IReadOnlyList<ReportStatus>>;

/// <param name="SentAt">When it was sent to the receiving unit (null until then, and again after a rejection and resubmission).</param>
/// <param name="Late">Whether it was sent after its due date.</param>
public sealed record ReportStatus(string UnitCode, ReportState State, DateTimeOffset? SentAt, bool? Late)
{
    /// <summary>Sent and not returned by the receiving unit: what counts as reported.</summary>
    public bool Reported => State is ReportState.Sent or ReportState.Received;
}

/// <summary>How many times each unit submitted data for approval or sent a report between two instants, for the usage
/// report (Đ18.1); counted from the audit trail, so every submission counts, not only the last.</summary>
public sealed record CountSubmissions(DateTimeOffset From, DateTimeOffset To) : IQuery<IReadOnlyDictionary<string, int>>;

/// <summary>Whether the current user may follow who has reported on a regime: accounts of its receiving unit and of its
/// lead unit, and the province office.</summary>
public sealed record CheckTrackingAccess(string RegimeCode) : IQuery<bool>;

/// <summary>Cells of one form, unit and period were approved (or changed by a later approval) under sequence numbers up
/// to <paramref name="LastSequence"/>. A nudge published after commit: readers catch up with <see cref="ListApprovedChanges"/>.</summary>
public sealed record DataApproved(Guid EventId, string FormCode, string UnitCode, string Period, long LastSequence) : INotification;

/// <summary>The approved-value change feed after <paramref name="After"/>, in sequence order, at most <paramref name="Limit"/>
/// rows: for read models (dashboards, exchange) that remember the last sequence they processed. Not scope-filtered.</summary>
public sealed record ListApprovedChanges(long After, int Limit) : IQuery<IReadOnlyList<ApprovedChange>>;

/// <param name="Column">current, plan, … (the form column); <paramref name="Disaggregation"/> is "" for the total.</param>
/// <param name="Number">The approved number; null when the cell was emptied or holds text.</param>
public sealed record ApprovedChange(long Sequence, string FormCode, string UnitCode, string Period, string Indicator, string Column,
    string Disaggregation, decimal? Number, DateTimeOffset ApprovedAt);

/// <summary>A unit's approved figures (column "current") of the indicators in the periods, whatever form they were entered
/// on — the latest approval of each cell — for the history columns of a data-entry grid (same period last year, previous
/// period, year to date): the same figures the report table and the dashboards show.</summary>
public sealed record ReadApprovedFigures(string UnitCode, IReadOnlyCollection<string> Indicators, IReadOnlyCollection<string> Periods)
    : IQuery<IReadOnlyList<ApprovedFigure>>;

/// <param name="Disaggregation">"" for the total.</param>
public sealed record ApprovedFigure(string Indicator, string Disaggregation, string Period, decimal Number);

/// <summary>Submits a form's data of a unit and period for approval, under the caller's permissions: what an inbound
/// exchange packet does once its values are in the unit's working copy, so a leader approves them like any other data.</summary>
/// Its own transaction: it only forwards to the submission command, which commits or refuses on its own and whose
/// refusal (a conflict included) becomes the outcome's reason.
public sealed record SubmitForApproval(string FormCode, string UnitCode, string Period) : ICommand<SubmissionOutcome>, BaoCao.SharedKernel.Pipeline.IOwnTransaction;

/// <param name="State">The state after the attempt (Submitted when it worked or already was).</param>
/// <param name="Refusal">Why it was not submitted (missing required cells, a failed check, no permission), in Vietnamese; null when submitted.</param>
public sealed record SubmissionOutcome(SubmissionState State, string? Refusal);
