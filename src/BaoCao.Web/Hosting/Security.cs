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
                // Outside Development: __Host- (no Domain, Path=/, Secure: no sibling site can set or read it) and Secure always.
                // SameSite=Strict, except with SSO: the identity provider's redirect back is a cross-site navigation, and the
                // redirect chain after it would arrive without a Strict cookie (the person would look signed out once).
                options.Cookie.Name = AuthCookie(builder.Environment);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = string.IsNullOrWhiteSpace(builder.Configuration["Sso:Authority"]) ? SameSiteMode.Strict : SameSiteMode.Lax;
                options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                    ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
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
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        builder.Services.Configure<ForwardedHeadersOptions>(options => ConfigureProxies(options, builder.Configuration));
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>The sign-in cookie's name: <c>__Host-BaoCao.Auth</c> wherever it is always Secure.</summary>
    public static string AuthCookie(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") ? "BaoCao.Auth" : "__Host-BaoCao.Auth";

    /// <summary>Only the reverse proxies listed in <c>App:KnownProxies</c> (addresses) and <c>App:KnownNetworks</c> (CIDR) are
    /// believed about the client's address and scheme; with none listed, forwarded headers are ignored.</summary>
    private static void ConfigureProxies(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in (configuration["App:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPAddress.TryParse(proxy, out var address))
                options.KnownProxies.Add(address);
        }
        foreach (var network in (configuration["App:KnownNetworks"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed))
                options.KnownIPNetworks.Add(parsed);
        }
    }

    /// <summary>
    /// Forwarded headers from known proxies, HSTS outside Development, and the headers every answer carries: a CSP that
    /// allows scripts from this origin only (Blazor and MudBlazor need no eval; MudBlazor sets inline styles), no base-uri
    /// or framing by others, nosniff, same-origin referrers, and no-store on API answers and exports (personal data must
    /// not stay in a shared browser's or proxy's cache). The API reference and the jobs dashboard inline their start-up
    /// scripts, so there the CSP allows inline scripts (still no eval, no other origin).
    /// </summary>
    public static WebApplication UseProxyAndHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
            app.UseHsts();
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var inlineScripts = path.StartsWithSegments("/api-docs") || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/jobs");
                headers.ContentSecurityPolicy = "default-src 'self'; " + (inlineScripts ? "script-src 'self' 'unsafe-inline'; " : "script-src 'self'; ") +
                    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
                    "base-uri 'self'; frame-ancestors 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (path.StartsWithSegments("/api") && !headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Cross-site request forgery and session riding. A browser sends the sign-in cookie with a form, a fetch or a WebSocket
    /// from any page of the same site (every *.gov.vn sibling is "same-site" for SameSite=Lax), so the Blazor hub
    /// (<c>/_blazor</c>: negotiate and the WebSocket upgrade, where a page's components act with the visitor's cookie) and
    /// every unsafe request must come from an allowed origin: <c>App:PublicUrl</c> and <c>App:AllowedOrigins</c> (or, with
    /// no public URL configured — development —, the request's own host). The Origin header, when the browser sends one,
    /// must be allowed, and Sec-Fetch-Site must not say another site. Systems with a bearer token and non-browser clients
    /// (no Origin, no Sec-Fetch-Site) are not concerned.
    /// </summary>
    public static WebApplication UseSameOrigin(this WebApplication app)
    {
        var allowed = AllowedOrigins(app.Configuration);
        app.Use((context, next) =>
        {
            var request = context.Request;
            var hub = request.Path.StartsWithSegments("/_blazor");
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (!(hub || unsafeMethod) || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return next(context);
            var origin = request.Headers.Origin.ToString();
            var site = request.Headers["Sec-Fetch-Site"].ToString();
            var originRefused = origin.Length > 0 && !IsAllowed(origin, allowed, request);
            // Sec-Fetch-Site is the browser's own verdict (unaffected by a TLS-terminating proxy); older browsers send only Origin.
            var siteRefused = site is "cross-site" or "same-site" && !(origin.Length > 0 && allowed.Count > 0 && IsAllowed(origin, allowed, request));
            if (!originRefused && !siteRefused)
                return next(context);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BaoCao.Security")
                .LogWarning("Refused {Method} {Path} from origin {Origin} (Sec-Fetch-Site {Site})", request.Method, request.Path.Value, origin, site);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = ProblemResults.Problem(StatusCodes.Status403Forbidden,
                    "Yêu cầu gửi từ một trang khác bị từ chối (chống giả mạo yêu cầu). Hãy thao tác trực tiếp trên trang của hệ thống."),
            }).AsTask();
        });
        return app;
    }

    /// <summary>The origins pages may be served from: <c>App:PublicUrl</c> and <c>App:AllowedOrigins</c> (comma-separated).</summary>
    internal static IReadOnlySet<string> AllowedOrigins(IConfiguration configuration)
    {
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in (configuration["App:AllowedOrigins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Append(configuration["App:PublicUrl"] ?? ""))
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
                origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        return origins;
    }

    private static bool IsAllowed(string origin, IReadOnlySet<string> allowed, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
            return false;
        return allowed.Count > 0
            ? allowed.Contains(from.GetLeftPart(UriPartial.Authority))
            : string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
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
