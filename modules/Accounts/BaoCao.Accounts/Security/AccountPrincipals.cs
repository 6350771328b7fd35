using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Security;

/// <summary>Builds the signed-in principal from the account and its grants, and keeps a session honest:
/// every <see cref="RecheckInterval"/> the cookie is checked against the database, so a suspended account,
/// a changed password or changed grants take effect within a minute.</summary>
internal static class AccountPrincipals
{
    public const string SecurityStampClaim = "baocao:stamp";
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);
    private const string CheckedAtKey = "baocao:checked";
    private const string SignedInAtKey = "baocao:signed-in";

    public static async Task<ClaimsPrincipal> CreateAsync(AccountsDbContext db, Account account, CancellationToken cancellationToken)
    {
        var grants = await Grants.ForAccountAsync(db, db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Id), cancellationToken);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.UserName!),
            new("display_name", account.DisplayName),
            new(SecurityStampClaim, account.SecurityStamp ?? ""),
            .. grants.Select(g => g.Role).Distinct().Select(role => new Claim(ClaimTypes.Role, role)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static void MarkChecked(AuthenticationProperties properties, DateTimeOffset at) =>
        properties.Items[CheckedAtKey] = at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void MarkSignedIn(AuthenticationProperties properties, DateTimeOffset at)
    {
        properties.Items[SignedInAtKey] = at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        MarkChecked(properties, at);
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Idle sessions end after 15 minutes (sliding cookie); any session ends after the absolute lifetime.
        var absolute = TimeSpan.FromHours(services.GetRequiredService<IConfiguration>().GetValue("Accounts:AbsoluteSessionHours", 10.0));
        if (context.Properties.Items.TryGetValue(SignedInAtKey, out var signedIn) && long.TryParse(signedIn, out var signedInTicks)
            && now.UtcTicks - signedInTicks > absolute.Ticks)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (context.Properties.Items.TryGetValue(CheckedAtKey, out var ticks) && long.TryParse(ticks, out var checkedAt)
            && now.UtcTicks - checkedAt < RecheckInterval.Ticks)
            return;

        var db = services.GetRequiredService<AccountsDbContext>();
        var id = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.HttpContext.RequestAborted);
        if (account is null || account.Status != AccountStatus.Active
            || account.SecurityStamp != context.Principal!.FindFirstValue(SecurityStampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.ReplacePrincipal(await CreateAsync(db, account, context.HttpContext.RequestAborted));
        MarkChecked(context.Properties, now);
        context.ShouldRenew = true;
    }
}
