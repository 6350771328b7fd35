using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace BaoCao.Web.Hosting;

/// <summary>Cookie sign-in for people; every /api endpoint needs a signed-in caller unless it says
/// <c>AllowAnonymous</c>, so a forgotten attribute fails closed. Pages opt in with [Authorize].</summary>
internal static class Security
{
    public const string SignInPath = "/dang-nhap";
    private const string PeopleOrSystems = "BaoCao";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(PeopleOrSystems)
            // A bearer token means another system (the Accounts module registers that scheme); anything else is a person's cookie.
            .AddPolicyScheme(PeopleOrSystems, "Cookie or API token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthenticationSchemes.ApiToken
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "BaoCao.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = SignInPath;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(15);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized, "Bạn cần đăng nhập để tiếp tục.");
                options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden, "Bạn không có quyền thực hiện thao tác này.");
            });
        builder.Services.AddSingleton<IAuthorizationHandler, ApiNeedsSignInHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ApiNeedsSignIn()).Build());
        builder.Services.AddAntiforgery();
        return builder;
    }

    /// <summary>
    /// Cross-site request forgery on the API: a browser sends the sign-in cookie with a form or fetch from any page of the
    /// same site (every *.gov.vn sibling is "same-site" for SameSite=Lax), so an unsafe /api request carried by the cookie
    /// must come from this origin: its Origin header, when the browser sends one, must be ours, and Sec-Fetch-Site must
    /// not say another site. Systems with a bearer token and non-browser clients (no Origin) are not concerned.
    /// </summary>
    public static WebApplication UseSameOriginApi(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
                || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !request.Cookies.ContainsKey("BaoCao.Auth"))
                return next(context);
            // Sec-Fetch-Site is the browser's own verdict (unaffected by a TLS-terminating proxy); older browsers send only Origin.
            var site = request.Headers["Sec-Fetch-Site"].ToString();
            var origin = request.Headers.Origin.ToString();
            var refused = site.Length > 0
                ? site is "cross-site" or "same-site"
                : origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
            if (refused)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = ProblemResults.Problem(StatusCodes.Status403Forbidden,
                        "Yêu cầu thay đổi dữ liệu gửi từ một trang khác bị từ chối (chống giả mạo yêu cầu). Hãy thao tác trực tiếp trên trang của hệ thống."),
                }).AsTask();
            }
            return next(context);
        });
        return app;
    }

    // APIs answer 401/403 with ProblemDetails; browsers on pages are sent to the sign-in page.
    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = ProblemResults.Problem(status, detail) }).AsTask();
    }

    private sealed class ApiNeedsSignIn : IAuthorizationRequirement;

    private sealed class ApiNeedsSignInHandler : AuthorizationHandler<ApiNeedsSignIn>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiNeedsSignIn requirement)
        {
            // Only real API routes need a user; "no such route", 405 and 415 answers protect nothing.
            var isApiRoute = context.Resource is HttpContext http && http.Request.Path.StartsWithSegments("/api")
                && http.GetEndpoint() is RouteEndpoint;
            if (!isApiRoute || context.User.Identity?.IsAuthenticated == true)
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
