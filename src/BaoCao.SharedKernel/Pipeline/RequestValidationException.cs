using BaoCao.SharedKernel.Results;

namespace BaoCao.SharedKernel.Pipeline;

/// <summary>Thrown by the validation behavior; the exception handler turns it into a 400 ProblemDetails.</summary>
public sealed class RequestValidationException(IReadOnlyList<ResultError> errors)
    : Exception("Dữ liệu không hợp lệ: " + string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<ResultError> Errors { get; } = errors;
}

/// <summary>Thrown by the authorization behavior when the caller may not send a request.</summary>
public sealed class AccessDeniedException(string message, bool signedIn) : Exception(message)
{
    public bool SignedIn { get; } = signedIn;
}
