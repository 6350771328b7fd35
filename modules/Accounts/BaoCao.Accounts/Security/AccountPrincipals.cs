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
        // Every request: the account's current stamp (this node's cache, cleared by any account saved here — a logout,
        // suspension, password or grant change —, seen from other nodes within 30 s). A copied cookie dies with its session.
        var id = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var stamp = await services.GetRequiredService<StampCache>().GetAsync(id, () => services.GetRequiredService<AccountsDbContext>().Accounts.AsNoTracking()
            .Where(a => a.Id == id && a.Status == AccountStatus.Active).Select(a => a.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted));
        if (stamp is null || stamp != context.Principal!.FindFirstValue(SecurityStampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (context.Properties.Items.TryGetValue(CheckedAtKey, out var ticks) && long.TryParse(ticks, out var checkedAt)
            && now.UtcTicks - checkedAt < RecheckInterval.Ticks)
            return;

        var fresh = context.Principal is null ? null
            : await RevalidateAsync(services.GetRequiredService<AccountsDbContext>(), context.Principal, context.HttpContext.RequestAborted);
        if (fresh is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.ReplacePrincipal(fresh);
        MarkChecked(context.Properties, now);
        context.ShouldRenew = true;
    }

    /// <summary>The principal rebuilt from the account as it is now, or null when the account is gone, not active, or
    /// its security stamp changed since the principal was issued.</summary>
    public static async Task<ClaimsPrincipal?> RevalidateAsync(AccountsDbContext db, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null || account.Status != AccountStatus.Active || account.SecurityStamp != principal.FindFirstValue(SecurityStampClaim))
            return null;
        return await CreateAsync(db, account, cancellationToken);
    }
}

/// <summary>Each active account's security stamp, by id, for the per-request session check.</summary>
internal sealed class StampCache(TimeProvider clock)
    : SharedKernel.Persistence.NodeCache<Guid, string?>(clock, AccountPrincipals.RecheckInterval, [typeof(Account)]);

/// <summary>Open pages revalidate their principal through this (<see cref="SharedKernel.Security.ISessionValidator"/>).</summary>
internal sealed class SessionValidator(AccountsDbContext db) : SharedKernel.Security.ISessionValidator
{
    public Task<ClaimsPrincipal?> RevalidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        AccountPrincipals.RevalidateAsync(db, principal, cancellationToken);
}
