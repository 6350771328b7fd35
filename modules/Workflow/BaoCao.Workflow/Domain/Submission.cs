using BaoCao.SharedKernel.Persistence;
using BaoCao.Workflow.Contracts;

namespace BaoCao.Workflow.Domain;

internal enum SubmissionAction { Submit, Approve, Return, Reopen }

/// <summary>
/// The one state machine of data approval (Đ15): an officer submits (which locks entry); the unit's leader, an
/// officer holding a delegation for the form or an administrator approves, or returns it with a written reason;
/// returned data is edited and submitted again; approved data may be reopened, with a reason, by a leader or an
/// administrator. Everything else is refused with the reason in Vietnamese.
/// </summary>
internal static class SubmissionStateMachine
{
    private static readonly Dictionary<(SubmissionState, SubmissionAction), SubmissionState> Transitions = new()
    {
        [(SubmissionState.Draft, SubmissionAction.Submit)] = SubmissionState.Submitted,
        [(SubmissionState.Returned, SubmissionAction.Submit)] = SubmissionState.Submitted,
        [(SubmissionState.Reopened, SubmissionAction.Submit)] = SubmissionState.Submitted,
        [(SubmissionState.Submitted, SubmissionAction.Approve)] = SubmissionState.Approved,
        [(SubmissionState.Submitted, SubmissionAction.Return)] = SubmissionState.Returned,
        [(SubmissionState.Approved, SubmissionAction.Reopen)] = SubmissionState.Reopened,
    };

    public static IEnumerable<(SubmissionState From, SubmissionAction Action, SubmissionState To)> All =>
        Transitions.Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    /// <summary>The state after <paramref name="action"/>, or why the action is not possible now.</summary>
    public static (SubmissionState? Next, string? Refusal) Apply(SubmissionState state, SubmissionAction action) =>
        Transitions.TryGetValue((state, action), out var next)
            ? (next, null)
            : (null, $"Không thể {Verb(action)} số liệu đang ở trạng thái “{Label(state)}”.{Hint(state)}");

    /// <summary>Whether officers may still change the values (not while submitted or approved).</summary>
    public static bool AllowsEntry(SubmissionState state) => state is SubmissionState.Draft or SubmissionState.Returned or SubmissionState.Reopened;

    public static bool NeedsReason(SubmissionAction action) => action is SubmissionAction.Return or SubmissionAction.Reopen;

    public static string Label(SubmissionState state) => state switch
    {
        SubmissionState.Draft => "Đang nhập",
        SubmissionState.Submitted => "Chờ duyệt",
        SubmissionState.Approved => "Đã duyệt",
        SubmissionState.Returned => "Bị trả lại",
        _ => "Mở lại để sửa",
    };

    public static string Verb(SubmissionAction action) => action switch
    {
        SubmissionAction.Submit => "trình duyệt",
        SubmissionAction.Approve => "duyệt",
        SubmissionAction.Return => "trả lại",
        _ => "mở lại",
    };

    private static string Hint(SubmissionState state) => state switch
    {
        SubmissionState.Draft => " Số liệu cần được trình duyệt trước.",
        SubmissionState.Submitted => " Số liệu đang chờ lãnh đạo duyệt hoặc trả lại.",
        SubmissionState.Approved => " Số liệu đã duyệt; lãnh đạo có thể mở lại (nêu lý do).",
        _ => " Hãy sửa số liệu rồi trình duyệt lại.",
    };
}

/// <summary>A (form, unit, period) in the approval workflow; every step is timestamped by the server.</summary>
internal sealed class Submission : IVersioned
{
    private Submission() { }

    public Submission(string formCode, string unitCode, string period)
    {
        Id = Guid.NewGuid();
        FormCode = formCode;
        UnitCode = unitCode;
        Period = period;
        State = SubmissionState.Draft;
    }

    public Guid Id { get; private set; }
    public string FormCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public SubmissionState State { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    /// <summary>How many times the data was approved: the approved values carry it.</summary>
    public int Approvals { get; private set; }
    public long Version { get; set; }

    public string? Act(SubmissionAction action, string? reason, DateTimeOffset at, string by)
    {
        var (next, refusal) = SubmissionStateMachine.Apply(State, action);
        if (next is null)
            return refusal;
        State = next.Value;
        Reason = SubmissionStateMachine.NeedsReason(action) ? reason!.Trim() : null;
        if (action == SubmissionAction.Submit)
        {
            SubmittedAt = at;
            SubmittedBy = by;
            DecidedAt = null;
            DecidedBy = null;
        }
        else
        {
            DecidedAt = at;
            DecidedBy = by;
        }
        if (action == SubmissionAction.Approve)
            Approvals++;
        return null;
    }
}

/// <summary>A message in the discussion of one submission between the officers and the leader who decides it.</summary>
internal sealed class SubmissionComment
{
    private SubmissionComment() { }

    public SubmissionComment(string formCode, string unitCode, string period, string by, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        FormCode = formCode;
        UnitCode = unitCode;
        Period = period;
        By = by;
        Text = text;
        At = at;
    }

    public Guid Id { get; private set; }
    public string FormCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string By { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
