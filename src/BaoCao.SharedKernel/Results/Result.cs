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
public sealed record ResultError(string Message, string? Field = null);

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

    /// <summary>The first message for each field, for pages that show errors beside their inputs.</summary>
    public Dictionary<string, string> FieldErrors() =>
        Errors.Where(e => e.Field is not null).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => g.First().Message);

    private static readonly Result Success = new(ResultStatus.Ok, []);

    public static Result Ok() => Success;
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);

    public static Result Invalid(string message, string? field = null) => new(ResultStatus.Invalid, [new(message, field)]);
    public static Result Invalid(IReadOnlyList<ResultError> errors) => new(ResultStatus.Invalid, errors);
    public static Result NotFound(string message = "Không tìm thấy dữ liệu yêu cầu.") => new(ResultStatus.NotFound, [new(message)]);
    public static Result Conflict(string message) => new(ResultStatus.Conflict, [new(message)]);
    public static Result Forbidden(string message = "Bạn không có quyền thực hiện thao tác này.") => new(ResultStatus.Forbidden, [new(message)]);
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

    public static new Result<T> Invalid(string message, string? field = null) => From(Result.Invalid(message, field));
    public static new Result<T> Invalid(IReadOnlyList<ResultError> errors) => From(Result.Invalid(errors));
    public static new Result<T> NotFound(string message = "Không tìm thấy dữ liệu yêu cầu.") => From(Result.NotFound(message));
    public static new Result<T> Conflict(string message) => From(Result.Conflict(message));
    public static new Result<T> Forbidden(string message = "Bạn không có quyền thực hiện thao tác này.") => From(Result.Forbidden(message));

    public static implicit operator Result<T>(T value) => Ok(value);
}
