namespace BaoCao.Workflow.Contracts;

/// <summary>Stable codes of the Workflow module's refusals, for pages, other modules and API clients to branch on
/// instead of the Vietnamese message.</summary>
public static class WorkflowErrorCodes
{
    /// <summary>The report of this regime, unit and period has not been started yet (it can be started).</summary>
    public const string ReportNotStarted = "ReportNotStarted";

    /// <summary>The report or submission is not in a state where this action applies (already decided, sent, not submitted…).</summary>
    public const string AlreadyDecided = "AlreadyDecided";
}
