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

namespace BaoCao.Accounts.Features;

/// <summary>A person signs out (menu button, or the API); the security log records it.</summary>
internal static class SignOut
{
    internal sealed record Command(string UserName, string? RemoteAddress) : ICommand;

    internal sealed class Handler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Mediator.Unit> Handle(Command command, CancellationToken cancellationToken)
        {
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
