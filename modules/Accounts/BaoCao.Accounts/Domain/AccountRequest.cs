using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Results;

namespace BaoCao.Accounts.Domain;

internal enum AccountRequestKind
{
    Create,
    Change,
    Suspend,
    Terminate,
}

internal enum AccountRequestStatus
{
    Pending,
    Completed,
    Rejected,
}

/// <summary>
/// A unit's written request to issue, change, suspend or terminate an account (Đ9). The province office must
/// handle it within one working day of receipt; the request and its handling times are recorded.
/// </summary>
internal sealed class AccountRequest : IVersioned
{
    private AccountRequest() { }

    public Guid Id { get; private set; }
    public Guid RequestingUnitId { get; private set; }
    public AccountRequestKind Kind { get; private set; }
    public string DocumentNumber { get; private set; } = "";
    public DateOnly DocumentDate { get; private set; }
    /// <summary>The account concerned (for Create: the user name to issue).</summary>
    public string UserName { get; private set; } = "";
    public string? DisplayName { get; private set; }
    public string? Email { get; private set; }
    public string? Role { get; private set; }
    public Guid? GrantUnitId { get; private set; }
    public bool IncludeSubUnits { get; private set; }
    public string? Note { get; private set; }
    public string FiledBy { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public AccountRequestStatus Status { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public string? HandledBy { get; private set; }
    public string? Outcome { get; private set; }
    public long Version { get; set; }

    public bool IsOverdue(DateTimeOffset now) => Status == AccountRequestStatus.Pending && now > DueAt;

    public static AccountRequest File(Guid requestingUnitId, AccountRequestKind kind, string documentNumber, DateOnly documentDate,
        string userName, string? displayName, string? email, string? role, Guid? grantUnitId, bool includeSubUnits, string? note,
        string filedBy, DateTimeOffset receivedAt, DateTimeOffset dueAt) => new()
    {
        Id = Guid.CreateVersion7(),
        RequestingUnitId = requestingUnitId,
        Kind = kind,
        DocumentNumber = documentNumber.Trim(),
        DocumentDate = documentDate,
        UserName = userName.Trim(),
        DisplayName = displayName?.Trim(),
        Email = email?.Trim(),
        Role = role,
        GrantUnitId = grantUnitId,
        IncludeSubUnits = includeSubUnits,
        Note = note?.Trim(),
        FiledBy = filedBy,
        ReceivedAt = receivedAt,
        DueAt = dueAt,
        Status = AccountRequestStatus.Pending,
    };

    public Result Complete(string handledBy, DateTimeOffset at, string outcome) => Close(AccountRequestStatus.Completed, handledBy, at, outcome);

    public Result Reject(string handledBy, DateTimeOffset at, string reason) => Close(AccountRequestStatus.Rejected, handledBy, at, reason);

    private Result Close(AccountRequestStatus status, string handledBy, DateTimeOffset at, string outcome)
    {
        if (Status != AccountRequestStatus.Pending)
            return Result.Conflict("Đề nghị này đã được xử lý trước đó.");
        Status = status;
        HandledBy = handledBy;
        HandledAt = at;
        Outcome = outcome;
        return Result.Ok();
    }

    public static string Label(AccountRequestKind kind) => kind switch
    {
        AccountRequestKind.Create => "Cấp mới tài khoản",
        AccountRequestKind.Change => "Thay đổi thông tin, quyền",
        AccountRequestKind.Suspend => "Tạm dừng tài khoản",
        _ => "Chấm dứt tài khoản",
    };
}
