using System.Text.Json;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Web.Hosting;

/// <summary>
/// Every API error is an RFC 9457 ProblemDetails in Vietnamese, and bad input is a 4xx: malformed JSON,
/// wrong types and oversized bodies are refused before a handler runs; anything unexpected is logged
/// and answered with a 500 that reveals nothing.
/// </summary>
internal static class ApiErrors
{
    public static WebApplicationBuilder AddApiErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (string.IsNullOrEmpty(context.ProblemDetails.Title) || context.ProblemDetails.Title == ReasonPhrase(status))
                context.ProblemDetails.Title = ProblemResults.TitleFor(status);
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            // No trace id in the body: two answers that must not be told apart (unknown user, wrong password)
            // stay byte for byte identical. The trace id is in the logs.
            context.ProblemDetails.Extensions.Remove("traceId");
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Policies are added by the modules whose endpoints use them; a refusal is worded here, once.
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimits.Uploads, context => System.Threading.RateLimiting.RateLimitPartition.GetConcurrencyLimiter(
                context.User.Identity?.IsAuthenticated == true ? $"user:{context.User.Identity.Name}" : $"address:{context.Connection.RemoteIpAddress}",
                _ => new System.Threading.RateLimiting.ConcurrencyLimiterOptions { PermitLimit = 2, QueueLimit = 0 }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var request = context.HttpContext.Request;
                var signIn = request.Path.StartsWithSegments("/api/auth") || request.Path.StartsWithSegments("/dang-nhap");
                if (signIn && !context.HttpContext.Response.Headers.ContainsKey("Retry-After"))
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(ProblemResults.Problem(StatusCodes.Status429TooManyRequests, signIn
                    ? "Quá nhiều lần đăng nhập từ địa chỉ này trong một phút. Vui lòng chờ một phút rồi thử lại."
                    : "Quá nhiều yêu cầu gửi dữ liệu trong một phút từ cùng một tài khoản hoặc hệ thống. Vui lòng gửi lại sau ít phút."),
                    (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
            };
        });
        // Minimal APIs only report a malformed body as an exception when asked to; the handler then words it.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var limit = app.Configuration.GetValue<long>("Api:MaxBodyBytes", 1_048_576);
        app.Use((context, next) => LimitBody(context, next, limit));
        return app;
    }

    // Kestrel enforces the limit it is given; a Content-Length above it is refused before reading.
    private static Task LimitBody(HttpContext context, RequestDelegate next, long limit)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
            return next(context);
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true || context.Request.Path.Value?.Contains('\0') == true)
            throw new BadHttpRequestException(NulInQuery, StatusCodes.Status400BadRequest);
        // An upload endpoint states its own limit (RequestSizeLimitAttribute); everything else gets the default.
        limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? limit;
        if (context.Request.ContentLength > limit)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false } && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > limit))
            feature.MaxRequestBodySize = limit;
        else if (feature is null)
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        return next(context);
    }

    private const string NulInQuery = "NUL character in the query string.";

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            var problem = exception switch
            {
                RequestValidationException invalid => ProblemResults.Problem(400, "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được nêu.", invalid.Errors, ErrorCodes.Invalid),
                AccessDeniedException { SignedIn: false } denied => ProblemResults.Problem(401, denied.Message, code: ErrorCodes.Unauthorized),
                AccessDeniedException denied => ProblemResults.Problem(403, denied.Message, code: ErrorCodes.Forbidden),
                BadHttpRequestException { StatusCode: 413 } => ProblemResults.Problem(413, "Dữ liệu gửi lên vượt quá giới hạn cho phép."),
                BadHttpRequestException { InnerException: JsonException json } => ProblemResults.Problem(400, JsonMessage(json)),
                NulCharacterException nul => ProblemResults.Problem(400, JsonMessage(nul)),
                BadHttpRequestException bad => ProblemResults.Problem(bad.StatusCode, BadRequestMessage(bad)),
                JsonException json => ProblemResults.Problem(400, JsonMessage(json)),
                // A malformed multipart body (boundary missing, truncated section) is the sender's mistake, not ours.
                InvalidDataException or IOException when context.Request.HasFormContentType && !context.RequestAborted.IsCancellationRequested =>
                    ProblemResults.Problem(400, "Nội dung tệp gửi lên (multipart/form-data) bị hỏng hoặc không đầy đủ. Hãy chọn và gửi lại tệp."),
                DbUpdateConcurrencyException => ProblemResults.Problem(409, TransactionBehavior.ConcurrentChangeMessage, code: ErrorCodes.ConcurrentChange),
                OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
                _ => ProblemResults.Problem(500, "Hệ thống gặp lỗi không mong muốn. Lỗi đã được ghi lại; vui lòng thử lại sau hoặc báo quản trị hệ thống."),
            };
            if (problem is null)
                return true; // the client went away; nobody to answer
            if (problem.Status >= 500)
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        }

        private static string JsonMessage(JsonException json) =>
            json is NulCharacterException || json.InnerException is NulCharacterException
                ? $"Trường '{json.Path?.TrimStart('$', '.')}' chứa ký tự NUL (\\0), không được phép trong dữ liệu."
            : json.Path is { Length: > 1 } path
                ? $"Nội dung JSON không hợp lệ tại trường '{path.TrimStart('$', '.')}': sai kiểu dữ liệu hoặc sai cú pháp."
                : "Nội dung JSON không hợp lệ: sai cú pháp hoặc sai kiểu dữ liệu.";

        private static string BadRequestMessage(BadHttpRequestException bad) => bad.Message switch
        {
            var m when m.Contains("Failed to read parameter", StringComparison.Ordinal) && m.Contains("JSON", StringComparison.OrdinalIgnoreCase) => "Nội dung JSON không hợp lệ.",
            var m when m.Contains("Required parameter", StringComparison.Ordinal) || m.Contains("Implicit body inferred", StringComparison.Ordinal) => "Thiếu dữ liệu bắt buộc trong yêu cầu.",
            var m when m.Contains("Expected a supported JSON media type", StringComparison.Ordinal) => "Yêu cầu phải gửi nội dung JSON (Content-Type: application/json).",
            var m when m.Contains("Failed to bind parameter", StringComparison.Ordinal) => "Tham số trong đường dẫn hoặc chuỗi truy vấn không đúng định dạng.",
            NulInQuery => "Chuỗi truy vấn chứa ký tự NUL (%00), không được phép.",
            _ => "Yêu cầu không hợp lệ.",
        };
    }
}

/// <summary>Counts bytes read and refuses more than the limit, for servers without a body-size feature.</summary>
internal sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
