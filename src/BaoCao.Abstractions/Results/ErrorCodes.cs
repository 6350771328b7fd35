namespace BaoCao.SharedKernel.Results;

/// <summary>
/// The stable codes every module shares (a result's <see cref="Result.Code"/>, the <c>code</c> member of a
/// ProblemDetails). A module's own codes live in its Contracts (<c>FormsErrorCodes</c>, <c>WorkflowErrorCodes</c>…) so
/// pages and other modules can branch on them. Codes never change once published; messages may.
/// </summary>
public static class ErrorCodes
{
    public const string Invalid = "Invalid";
    public const string NotFound = "NotFound";
    public const string Conflict = "Conflict";
    public const string Forbidden = "Forbidden";
    public const string Unauthorized = "Unauthorized";

    /// <summary>Someone saved the same data between this request's read and its write (a stale version, a row created twice).</summary>
    public const string ConcurrentChange = "ConcurrentChange";

    /// <summary>The default code of a failed status.</summary>
    public static string? For(ResultStatus status) => status switch
    {
        ResultStatus.Invalid => Invalid,
        ResultStatus.NotFound => NotFound,
        ResultStatus.Conflict => Conflict,
        ResultStatus.Forbidden => Forbidden,
        ResultStatus.Unauthorized => Unauthorized,
        _ => null,
    };
}
