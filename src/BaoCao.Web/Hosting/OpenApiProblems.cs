using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace BaoCao.Web.Hosting;

/// <summary>
/// Every API operation's document lists the problems it can answer, the same way the app answers them (RFC 9457
/// application/problem+json, Vietnamese detail): 400 for an operation that takes input, 401/403 unless it is public, 404
/// when it addresses something by id or code, 409 for a write (a concurrent change or a state that forbids it), 413
/// where a body size is set, 429 where it is rate limited. Handlers return these through Result, so no endpoint lists
/// them by hand.
/// </summary>
internal sealed class OpenApiProblems : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) != true)
            return;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod?.ToUpperInvariant();
        var problems = new List<(string Status, string Meaning)>();
        if (description.ParameterDescriptions.Count > 0 || operation.RequestBody is not null)
            problems.Add(("400", "Dữ liệu gửi lên không hợp lệ (chi tiết từng trường trong errors)."));
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            problems.Add(("401", "Chưa đăng nhập hoặc mã truy cập API không hợp lệ."));
            problems.Add(("403", "Không có quyền với đơn vị hoặc đối tượng này."));
        }
        if (description.RelativePath.Contains('{'))
            problems.Add(("404", "Không tìm thấy đối tượng theo mã hoặc định danh."));
        if (method is "POST" or "PUT" or "DELETE" or "PATCH")
            problems.Add(("409", "Xung đột: người khác vừa thay đổi, hoặc trạng thái hiện tại không cho phép thao tác này."));
        if (metadata.OfType<IRequestSizeLimitMetadata>().Any())
            problems.Add(("413", "Nội dung gửi lên lớn quá giới hạn."));
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            problems.Add(("429", "Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After."));
        if (problems.Count == 0)
            return;
        var schema = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, meaning) in problems)
        {
            if (operation.Responses.ContainsKey(status))
                continue;
            operation.Responses[status] = new OpenApiResponse
            {
                Description = meaning,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
            };
        }
    }
}
