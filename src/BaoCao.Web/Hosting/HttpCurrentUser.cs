using System.Security.Claims;
using BaoCao.SharedKernel.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BaoCao.Web.Hosting;

/// <summary>The signed-in user of the current HTTP request or Blazor circuit; anonymous when there is none
/// (a background scope acts through <see cref="SystemUser"/> explicitly).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, CircuitUser circuit) : ICurrentUser
{
    // In an interactive page there is no HTTP request: the circuit's authentication state speaks for the user.
    private ClaimsPrincipal? Principal => circuit.Principal ?? accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? UserName => IsAuthenticated ? Principal!.Identity!.Name : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public string? RemoteAddress => circuit.RemoteAddress ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? FindClaim(string type) => Principal?.FindFirst(type)?.Value;
}

/// <summary>The user of one Blazor circuit (scoped per circuit), kept current by <see cref="CircuitUserHandler"/>; in a
/// page's call (<see cref="PageSender"/>) a copy in the call's own scope.</summary>
internal sealed class CircuitUser
{
    public ClaimsPrincipal? Principal { get; set; }
    public string? RemoteAddress { get; set; }
    /// <summary>True in the circuit's own scope only: calls made there get a scope of their own.</summary>
    public bool IsCircuit { get; set; }
    /// <summary>The page's last call to the server, for the idle timeout.</summary>
    public DateTimeOffset LastActivity { get; set; }
    /// <summary>When the principal was last checked against the account.</summary>
    public DateTimeOffset CheckedAt { get; set; }
}

internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser user, IHttpContextAccessor accessor, TimeProvider clock) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.RemoteAddress = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        user.Principal = (await authentication.GetAuthenticationStateAsync()).User;
        user.IsCircuit = true;
        // The principal came from a cookie checked at most 30 s ago (Accounts' cookie validation).
        user.LastActivity = user.CheckedAt = clock.GetUtcNow();
        authentication.AuthenticationStateChanged += OnChanged;
    }

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try { user.Principal = (await state).User; }
        catch (Exception) { user.Principal = null; } // a failed refresh leaves the circuit anonymous: fail closed
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
