namespace BaoCao.Forms.Contracts;

/// <summary>Stable codes of the Forms module's refusals (a result's code, a data-entry conflict's <c>code</c>), for pages,
/// other modules and API clients to branch on instead of the Vietnamese message.</summary>
public static class FormsErrorCodes
{
    /// <summary>A value sent with a version someone has saved since: the conflict carries their value and version.</summary>
    public const string StaleCell = "StaleCell";

    /// <summary>A value sent with a version of a cell that has been cleared, or never saved at that version.</summary>
    public const string DeletedCell = "DeletedCell";

    /// <summary>The period's data is submitted or approved: no entry until it is returned or reopened.</summary>
    public const string EntryClosed = "EntryClosed";
}
