using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace BaoCao.Accounts.Security;

/// <summary>
/// Between a correct password and the second factor: a short-lived cookie of its own scheme that proves the
/// password step and nothing else — it opens no API but the two-factor ones.
/// </summary>
internal static class PendingSignIn
{
    public const string Scheme = "BaoCao.Pending";
    public const string Verify = "verify";
    public const string Enrol = "enrol";
    public const string ChangePassword = "change-password";
    private const string PurposeClaim = "baocao:pending";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static Task StartAsync(HttpContext http, Guid accountId, string purpose) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, accountId.ToString()), new Claim(PurposeClaim, purpose)], Scheme)));

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The account waiting for its second factor, when the pending cookie is for <paramref name="purpose"/>.</summary>
    public static async Task<Guid?> AccountAsync(HttpContext http, string purpose)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return result.Succeeded && result.Principal.FindFirstValue(PurposeClaim) == purpose
            && Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Scheme;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = false;
        options.Events.OnRedirectToLogin = context => { context.Response.StatusCode = 401; return Task.CompletedTask; };
    }
}
