using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>A person signs out (menu button, or the API); the security log records it. Signing out ends the account's
/// sessions server-side — a new security stamp, checked on every request —, so a copied cookie stops working at once on
/// this node and within 30 s on the others; the person's sessions on other devices end too (documented in modules/Accounts/README.md).</summary>
internal static class SignOut
{
    internal sealed record Command(string UserName, string? RemoteAddress) : ICommand;

    internal sealed class Handler(AccountsDbContext db, Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Mediator.Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var normalized = normalizer.NormalizeName(command.UserName);
            if (await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken) is { } account)
                account.SecurityStamp = Guid.NewGuid().ToString("N");
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.SignedOut, command.UserName, command.RemoteAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Mediator.Unit.Value;
        }
    }

    private static async Task SignOutAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
            await sender.Send(new Command(name, http.Connection.RemoteIpAddress?.ToString()), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            app.MapPost("/dang-xuat", async (HttpContext http, ISender sender, CancellationToken ct) =>
                {
                    await SignOutAsync(http, sender, ct);
                    return Results.Redirect("/");
                })
                .WithMetadata(new RequireAntiforgeryTokenAttribute())
                .AllowAnonymous()
                .ExcludeFromDescription();

            app.MapPost("/api/auth/logout", async (HttpContext http, ISender sender, CancellationToken ct) =>
                {
                    await SignOutAsync(http, sender, ct);
                    return Results.NoContent();
                })
                .AllowAnonymous()
                .WithTags("Đăng nhập")
                .WithSummary("Đăng xuất");
        }
    }
}
