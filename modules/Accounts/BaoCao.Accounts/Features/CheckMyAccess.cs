using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Security;
using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaoCao.Accounts.Features;

/// <summary>May I …? For pages that show or hide an action, and for other systems checking a token's reach.</summary>
internal static class CheckMyAccess
{
    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/me/access", async (string? permission, string? unitCode, string? formCode, IAccessPolicy access, ICurrentUser user, CancellationToken ct) =>
                {
                    if (string.IsNullOrWhiteSpace(permission))
                        return Results.Problem(SharedKernel.Http.ProblemResults.Problem(400, "Cần nêu quyền cần kiểm tra (permission).",
                            [new SharedKernel.Results.ResultError("Cần nêu quyền cần kiểm tra.", "permission")]));
                    var decision = await access.CheckAsync(user, permission, unitCode, formCode, ct);
                    return Results.Ok(new { allowed = decision.Allowed, reason = decision.Reason });
                })
                .WithTags("Tài khoản")
                .WithSummary("Kiểm tra một quyền của người đang đăng nhập");
    }
}
