using System.Security.Claims;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Accounts.Features;

/// <summary>
/// A civil servant signs in through the provincial single sign-on (OpenID Connect, authorization code with
/// PKCE); the account is the one whose official e-mail the SSO vouches for. Local sign-in stays available.
/// Settings: <c>Sso:Authority</c>, <c>Sso:ClientId</c>, <c>Sso:ClientSecret</c>, <c>Sso:DisplayName</c>,
/// <c>Sso:RequireHttpsMetadata</c> (true), <c>Sso:TrustProviderMfa</c> (false). Without an authority there is no SSO button.
/// An identity whose e-mail the provider has not verified (<c>email_verified</c>) is refused. Administrators and leaders
/// must pass a second factor: the provider's (its <c>amr</c> says multi-factor) when <c>Sso:TrustProviderMfa</c> is true,
/// otherwise BaoCao's own TOTP code after the SSO step (or its enrolment).
/// </summary>
internal static class SignInWithSso
{
    public const string Scheme = "Sso";
    public const string ExternalScheme = "BaoCao.External";

    /// <param name="EmailVerified">The provider's <c>email_verified</c>: an address it has not verified names nobody.</param>
    /// <param name="Methods">The provider's <c>amr</c> (RFC 8176): how the person authenticated there.</param>
    internal sealed record Command(string? Email, string? Subject, string? RemoteAddress, bool EmailVerified = false, IReadOnlyList<string>? Methods = null)
        : ICommand<SignInOutcome>;

    /// <summary>RFC 8176 methods that are a second factor beside a password.</summary>
    private static readonly string[] SecondFactors = ["otp", "hwk", "swk", "sms", "tel", "sc", "fpt", "face", "iris", "retina", "vbm"];

    /// <summary>Whether the provider says the person used more than one factor.</summary>
    internal static bool IsMultiFactor(IReadOnlyList<string>? methods) =>
        methods is { Count: > 0 } && (methods.Contains("mfa") || methods.Any(SecondFactors.Contains) && methods.Count(m => m is not "mfa") >= 2);

    internal sealed class Handler(AccountsDbContext db, ILookupNormalizer normalizer, SignInSteps steps, TimeProvider clock, IConfiguration configuration)
        : ICommandHandler<Command, SignInOutcome>
    {
        public async ValueTask<SignInOutcome> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!command.EmailVerified)
                return await steps.FailAsync(SecurityEvent.SignInFailed, $"sso:{command.Email ?? command.Subject}", command.RemoteAddress,
                    new SignInOutcome(SignInKind.Invalid), cancellationToken);
            var email = normalizer.NormalizeEmail(command.Email?.Trim());
            var matches = string.IsNullOrEmpty(email) ? [] : await db.Accounts.Where(a => a.NormalizedEmail == email).Take(2).ToListAsync(cancellationToken);
            // Exactly one active account per official address; anything else is refused rather than guessed.
            if (matches is not [{ Status: AccountStatus.Active } account])
                return await steps.FailAsync(SecurityEvent.SignInFailed, $"sso:{command.Email ?? command.Subject}", command.RemoteAddress,
                    new SignInOutcome(SignInKind.Invalid), cancellationToken);
            // SSO does not lift a lockout earned by wrong passwords here: it waits like any other sign-in.
            if (account.IsLockedOut(clock.GetUtcNow()))
                return await steps.FailAsync(SecurityEvent.SignInWhileLocked, account.UserName!, command.RemoteAddress,
                    new SignInOutcome(SignInKind.LockedOut, LockedUntil: account.LockoutEnd), cancellationToken);
            // The second factor the roles require: the provider's, when trusted and it says so; otherwise BaoCao's own TOTP.
            var roles = await steps.RolesAsync(account, cancellationToken);
            if (steps.RequiresTwoFactor(account, roles) && !(configuration.GetValue("Sso:TrustProviderMfa", false) && IsMultiFactor(command.Methods)))
                return await steps.FailAsync(SecurityEvent.TwoFactorRequired, account.UserName!, command.RemoteAddress, account.TwoFactorEnabled
                    ? new SignInOutcome(SignInKind.RequiresTwoFactor, AccountId: account.Id)
                    : new SignInOutcome(SignInKind.MustEnrolTwoFactor, AccountId: account.Id), cancellationToken);
            return await steps.SucceedAsync(account, command.RemoteAddress, cancellationToken);
        }
    }

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Sso:Authority"]);

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
            return;
        services.AddAuthentication()
            .AddCookie(ExternalScheme, options =>
            {
                options.Cookie.Name = ExternalScheme;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddOpenIdConnect(Scheme, configuration["Sso:DisplayName"] ?? "SSO tỉnh", options =>
            {
                options.Authority = configuration["Sso:Authority"];
                options.ClientId = configuration["Sso:ClientId"];
                options.ClientSecret = configuration["Sso:ClientSecret"];
                options.RequireHttpsMetadata = configuration.GetValue("Sso:RequireHttpsMetadata", true);
                options.ResponseType = "code";
                options.UsePkce = true;
                // A top-level GET back to us: the correlation cookies can stay SameSite=Lax (no cross-site POST).
                options.ResponseMode = "query";
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SignInScheme = ExternalScheme;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("email");
                options.Scope.Add("profile");
                options.GetClaimsFromUserInfoEndpoint = true;
                options.MapInboundClaims = false;
                // The user-info answer's claims are kept only when mapped: the two the second-factor and e-mail checks read.
                options.ClaimActions.MapJsonKey("email_verified", "email_verified");
                options.ClaimActions.MapJsonKey("amr", "amr");
            });
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapGet("/dang-nhap/sso", (string? returnUrl, IConfiguration configuration) =>
                    IsConfigured(configuration)
                        ? Results.Challenge(new AuthenticationProperties { RedirectUri = $"/dang-nhap/sso/xong?returnUrl={Uri.EscapeDataString(SignInPage.SafeReturnUrl(returnUrl))}" }, [Scheme])
                        : Results.Redirect("/dang-nhap"))
                .AllowAnonymous()
                .ExcludeFromDescription();

            app.MapGet("/dang-nhap/sso/xong", async (string? returnUrl, HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct) =>
                {
                    var external = await http.AuthenticateAsync(ExternalScheme);
                    if (!external.Succeeded)
                        return Results.Redirect("/dang-nhap?sso=loi");
                    await http.SignOutAsync(ExternalScheme);
                    var verified = external.Principal.FindFirstValue("email_verified") is { } flag && bool.TryParse(flag, out var yes) && yes;
                    if (!verified)
                    {
                        await sender.Send(new Command(external.Principal.FindFirstValue("email"), external.Principal.FindFirstValue("sub"),
                            http.Connection.RemoteIpAddress?.ToString(), EmailVerified: false), ct); // logged as a failed sign-in
                        return Results.Redirect("/dang-nhap?sso=chua-xac-minh");
                    }
                    var methods = external.Principal.FindAll("amr").SelectMany(c => c.Value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        .Select(m => m.Trim('"')).ToList();
                    var outcome = await sender.Send(new Command(external.Principal.FindFirstValue("email"), external.Principal.FindFirstValue("sub"),
                        http.Connection.RemoteIpAddress?.ToString(), verified, methods), ct);
                    if (outcome.Kind == SignInKind.LockedOut)
                        return Results.Redirect("/dang-nhap?sso=tam-khoa");
                    if (outcome.Kind == SignInKind.RequiresTwoFactor)
                    {
                        await PendingSignIn.StartAsync(http, outcome.AccountId!.Value, PendingSignIn.Verify);
                        return Results.Redirect($"/dang-nhap/ma-xac-thuc?returnUrl={Uri.EscapeDataString(SignInPage.SafeReturnUrl(returnUrl))}");
                    }
                    if (outcome.Kind == SignInKind.MustEnrolTwoFactor)
                    {
                        await PendingSignIn.StartAsync(http, outcome.AccountId!.Value, PendingSignIn.Enrol);
                        return Results.Redirect("/tai-khoan/xac-thuc-hai-lop");
                    }
                    if (outcome.Kind != SignInKind.SignedIn)
                        return Results.Redirect("/dang-nhap?sso=khong-co-tai-khoan");
                    await SignIn.WriteCookieAsync(http, outcome.Principal!, clock);
                    return Results.Redirect(SignInPage.SafeReturnUrl(returnUrl));
                })
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
    }
}
