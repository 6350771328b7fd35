using System.Security.Claims;
using System.Text.Encodings.Web;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaoCao.Accounts.Security;

/// <summary><c>Authorization: Bearer bc_…</c> for other systems. A valid token becomes a principal whose access is its
/// own permissions on its unit and sub-units (see <see cref="Grants"/>); its use is logged at most once a minute.</summary>
internal sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string TokenClaim = "baocao:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
            return AuthenticateResult.Fail("Malformed token.");

        var db = Context.RequestServices.GetRequiredService<AccountsDbContext>();
        var now = Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var hash = SetPasswordLink.Hash(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || !token.IsValid(now))
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");

        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.TokenUsed, $"token:{token.Prefix}", Context.Connection.RemoteIpAddress?.ToString(), now,
                $"{token.Name}: {Request.Method} {Request.Path}"));
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, token.Id.ToString()), new Claim(ClaimTypes.Name, $"token:{token.Name}"), new Claim(TokenClaim, token.Id.ToString())],
            AuthenticationSchemes.ApiToken);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AuthenticationSchemes.ApiToken));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemResults.Problem(401, "Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi."),
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemResults.Problem(403, "Mã truy cập API này không có quyền thực hiện thao tác."),
        });
    }
}
