using BaoCao.SharedKernel.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BaoCao.SharedKernel.Http;

/// <summary>Maps results and failures to RFC 9457 ProblemDetails with Vietnamese titles, in one place.</summary>
public static class ProblemResults
{
    public static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Dữ liệu không hợp lệ",
        StatusCodes.Status401Unauthorized => "Chưa đăng nhập",
        StatusCodes.Status403Forbidden => "Không có quyền",
        StatusCodes.Status404NotFound => "Không tìm thấy",
        StatusCodes.Status405MethodNotAllowed => "Phương thức không được hỗ trợ",
        StatusCodes.Status409Conflict => "Xung đột dữ liệu",
        StatusCodes.Status413PayloadTooLarge => "Dữ liệu gửi lên quá lớn",
        StatusCodes.Status415UnsupportedMediaType => "Định dạng dữ liệu không được hỗ trợ",
        StatusCodes.Status423Locked => "Tài khoản đang bị khóa",
        StatusCodes.Status429TooManyRequests => "Quá nhiều yêu cầu",
        StatusCodes.Status503ServiceUnavailable => "Hệ thống tạm thời không phục vụ được",
        >= 500 => "Lỗi hệ thống",
        _ => "Yêu cầu không thực hiện được",
    };

    public static int StatusFor(ResultStatus status) => status switch
    {
        ResultStatus.Ok => StatusCodes.Status200OK,
        ResultStatus.Invalid => StatusCodes.Status400BadRequest,
        ResultStatus.NotFound => StatusCodes.Status404NotFound,
        ResultStatus.Conflict => StatusCodes.Status409Conflict,
        ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
        ResultStatus.Unauthorized => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A ProblemDetails; field errors go into the <c>errors</c> member as in ValidationProblemDetails, the stable
    /// code (<see cref="ErrorCodes"/>), when given, into the <c>code</c> member.</summary>
    public static ProblemDetails Problem(int status, string? detail, IEnumerable<ResultError>? errors = null, string? code = null)
    {
        var fieldErrors = (errors ?? []).Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        ProblemDetails problem = fieldErrors.Count > 0
            ? new ValidationProblemDetails(fieldErrors)
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Detail = detail;
        problem.Type = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? 6 : 5)}.{SectionFor(status)}";
        if (code is not null)
            problem.Extensions["code"] = code;
        return problem;
    }

    public static IResult ToHttpResult(this Result result)
    {
        if (result.IsSuccess)
            return TypedResults.NoContent();
        var status = StatusFor(result.Status);
        // Field errors are listed under "errors"; the detail still reads as a sentence on its own.
        var detail = string.Join(" ", result.Errors.Select(e => e.Message));
        return TypedResults.Problem(Problem(status, detail, result.Errors, result.Code));
    }

    public static IResult ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : ((Result)result).ToHttpResult();

    /// <summary>A success answered otherwise than 200 with the value (201 Created, a wrapped value, a file).</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value!) : ((Result)result).ToHttpResult();

    // RFC 9110 section numbers, so the "type" link lands on the right paragraph.
    private static int SectionFor(int status) => status switch
    {
        400 => 1, 401 => 2, 403 => 4, 404 => 5, 405 => 6, 409 => 10, 413 => 14, 415 => 16, 423 => 1, 429 => 1,
        500 => 1, 503 => 4, _ => 1,
    };
}

/// <summary>Lets an upload endpoint accept a larger body than the API's default limit (the host reads it per endpoint).</summary>
public sealed record UploadLimit(long Bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => Bytes;
}
