using Mediator;

namespace BaoCao.Workflow.Contracts;

/// <summary>The approval state of a form's data for a unit and period: Draft (never submitted), Submitted, Approved,
/// Returned or Reopened; and whether officers may change the values now (not while Submitted or Approved).</summary>
public sealed record GetSubmissionState(string FormCode, string UnitCode, string Period) : IQuery<SubmissionStatus>;

public sealed record SubmissionStatus(string State, bool EntryOpen, string? Reason);
