namespace BaoCao.SharedKernel.Results;

public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
}

/// <param name="Field">camelCase name of the offending field, or null for the whole request.</param>
/// <param name="Code">A stable name of what went wrong (<see cref="ErrorCodes"/>, or a module's own codes in its
/// Contracts), for pages and API clients to branch on; the message is for people and may change. Null: the default
/// code of the result's status.</param>
public sealed record ResultError(string Message, string? Field = null, string? Code = null);

/// <summary>
/// The outcome of a command or query. Expected failures (not found, illegal transition, conflict) are
/// values, not exceptions, so handlers stay linear and endpoints map them to ProblemDetails in one place.
/// </summary>
public class Result
{
    protected Result(ResultStatus status, IReadOnlyList<ResultError> errors)
    {
        Status = status;
        Errors = errors;
    }

    public ResultStatus Status { get; }
    public IReadOnlyList<ResultError> Errors { get; }
    public bool IsSuccess => Status == ResultStatus.Ok;
    public bool IsFailure => !IsSuccess;

    /// <summary>The first error message, for UI snackbars.</summary>
    public string? Message => Errors.Count > 0 ? Errors[0].Message : null;

    /// <summary>The stable code of the first error (its own, or the default of the status); null on success.</summary>
    public string? Code => IsSuccess ? null : Errors.Count > 0 && Errors[0].Code is { } code ? code : ErrorCodes.For(Status);

    /// <summary>Whether an error of this result carries the code (pages branch on codes, never on message text).</summary>
    public bool Has(string code) => Code == code || Errors.Any(e => e.Code == code);

    /// <summary>The first message for each field, for pages that show errors beside their inputs.</summary>
    public Dictionary<string, string> FieldErrors() =>
        Errors.Where(e => e.Field is not null).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => g.First().Message);

    private static readonly Result Success = new(ResultStatus.Ok, []);

    public static Result Ok() => Success;
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);

    public static Result Invalid(string message, string? field = null, string? code = null) => new(ResultStatus.Invalid, [new(message, field, code)]);
    public static Result Invalid(IReadOnlyList<ResultError> errors) => new(ResultStatus.Invalid, errors);
    public static Result NotFound(string message = "Không tìm thấy dữ liệu yêu cầu.", string? code = null) => new(ResultStatus.NotFound, [new(message, Code: code)]);
    public static Result Conflict(string message, string? code = null) => new(ResultStatus.Conflict, [new(message, Code: code)]);
    public static Result Forbidden(string message = "Bạn không có quyền thực hiện thao tác này.", string? code = null) => new(ResultStatus.Forbidden, [new(message, Code: code)]);
    public static Result Unauthorized(string message = "Bạn cần đăng nhập để tiếp tục.") => new(ResultStatus.Unauthorized, [new(message)]);
}

public sealed class Result<T> : Result
{
    private Result(ResultStatus status, IReadOnlyList<ResultError> errors, T? value) : base(status, errors) => Value = value;

    /// <summary>Set only when <see cref="Result.IsSuccess"/>.</summary>
    public T? Value { get; }

    internal static Result<T> Ok(T value) => new(ResultStatus.Ok, [], value);

    /// <summary>Carries a failure of another result type through unchanged.</summary>
    public static Result<T> From(Result failure) =>
        failure.IsSuccess
            ? throw new InvalidOperationException("A successful result has no failure to carry.")
            : new(failure.Status, failure.Errors, default);

    public static new Result<T> Invalid(string message, string? field = null, string? code = null) => From(Result.Invalid(message, field, code));
    public static new Result<T> Invalid(IReadOnlyList<ResultError> errors) => From(Result.Invalid(errors));
    public static new Result<T> NotFound(string message = "Không tìm thấy dữ liệu yêu cầu.", string? code = null) => From(Result.NotFound(message, code));
    public static new Result<T> Conflict(string message, string? code = null) => From(Result.Conflict(message, code));
    public static new Result<T> Forbidden(string message = "Bạn không có quyền thực hiện thao tác này.", string? code = null) => From(Result.Forbidden(message, code));

    public static implicit operator Result<T>(T value) => Ok(value);
}
