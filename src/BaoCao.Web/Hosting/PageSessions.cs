using System.Runtime.CompilerServices;
using System.Security.Claims;
using BaoCao.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace BaoCao.Web.Hosting;

/// <summary>
/// How long an open page's session is trusted. A Blazor circuit lives for hours in one DI scope with the identity it
/// opened with; these keep it honest: the account is checked again on every write and at least every
/// <see cref="Recheck"/>, and a page idle for <see cref="Idle"/> (no call to the server) ends its session like the cookie.
/// </summary>
internal static class PageSession
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(15);
    public static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
}

/// <summary>
/// The mediator as pages see it. In a circuit every call runs in a DI scope of its own — its own DbContext and grants,
/// nothing left over from the last call — as the account is now: before a write, or when the last check is older than
/// <see cref="PageSession.Recheck"/>, the principal is revalidated (status, security stamp, grants). A revoked or idle
/// session turns the page anonymous (the router then shows the sign-in page) and the call is refused. Outside a circuit
/// (an HTTP request, a handler calling another module inside a page's call) it is the scope's own mediator.
/// </summary>
internal sealed class PageSender(IServiceProvider services, CircuitUser circuit, IMediator mediator, TimeProvider clock) : ISender
{
    public async ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        if (!circuit.IsCircuit)
            return await mediator.Send(request, cancellationToken);
        await using var scope = await BeginAsync(request, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        if (!circuit.IsCircuit)
            return await mediator.Send(command, cancellationToken);
        await using var scope = await BeginAsync(command, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    public async ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        if (!circuit.IsCircuit)
            return await mediator.Send(query, cancellationToken);
        await using var scope = await BeginAsync(query, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    public async ValueTask<object?> Send(object message, CancellationToken cancellationToken = default)
    {
        if (!circuit.IsCircuit)
            return await mediator.Send(message, cancellationToken);
        await using var scope = await BeginAsync(message, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message, cancellationToken);
    }

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        circuit.IsCircuit ? Stream(query, (m, q, ct) => m.CreateStream(q, ct), cancellationToken) : mediator.CreateStream(query, cancellationToken);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        circuit.IsCircuit ? Stream(request, (m, r, ct) => m.CreateStream(r, ct), cancellationToken) : mediator.CreateStream(request, cancellationToken);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) =>
        circuit.IsCircuit ? Stream(command, (m, c, ct) => m.CreateStream(c, ct), cancellationToken) : mediator.CreateStream(command, cancellationToken);

    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default) =>
        circuit.IsCircuit ? Stream(request, (m, r, ct) => m.CreateStream(r, ct), cancellationToken) : mediator.CreateStream(request, cancellationToken);

    private async IAsyncEnumerable<TResponse> Stream<TMessage, TResponse>(TMessage message, Func<IMediator, TMessage, CancellationToken, IAsyncEnumerable<TResponse>> open,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TMessage : notnull
    {
        await using var scope = await BeginAsync(message, cancellationToken);
        await foreach (var item in open(scope.ServiceProvider.GetRequiredService<IMediator>(), message, cancellationToken))
            yield return item;
    }

    /// <summary>A scope for one call, acting as the circuit's user once the session is known to be still valid.</summary>
    private async Task<AsyncServiceScope> BeginAsync(object message, CancellationToken cancellationToken)
    {
        await EnsureSessionAsync(message is IBaseCommand, cancellationToken); // every command, with or without a result
        var scope = services.CreateAsyncScope();
        var inner = scope.ServiceProvider.GetRequiredService<CircuitUser>();
        inner.Principal = circuit.Principal ?? PageSession.Anonymous;
        inner.RemoteAddress = circuit.RemoteAddress;
        return scope;
    }

    private async Task EnsureSessionAsync(bool write, CancellationToken cancellationToken)
    {
        var principal = circuit.Principal;
        if (principal?.Identity?.IsAuthenticated != true)
            return;
        var now = clock.GetUtcNow();
        if (now - circuit.LastActivity > PageSession.Idle)
        {
            End(principal, "Phiên làm việc đã hết hạn do không thao tác quá 15 phút. Hãy đăng nhập lại.");
            return;
        }
        circuit.LastActivity = now;
        if (!write && now - circuit.CheckedAt < PageSession.Recheck)
            return;
        await using var check = services.CreateAsyncScope();
        var fresh = await check.ServiceProvider.GetRequiredService<ISessionValidator>().RevalidateAsync(principal, cancellationToken);
        if (fresh is null)
        {
            End(principal, "Phiên đăng nhập đã kết thúc (tài khoản bị tạm dừng, chấm dứt, đổi mật khẩu hoặc thay đổi quyền). Hãy đăng nhập lại.");
            return;
        }
        circuit.Principal = fresh;
        circuit.CheckedAt = now;
    }

    /// <summary>The page becomes anonymous — the router shows the sign-in page — and the call is refused.</summary>
    private void End(ClaimsPrincipal principal, string reason)
    {
        circuit.Principal = PageSession.Anonymous;
        services.GetRequiredService<ILoggerFactory>().CreateLogger<PageSender>()
            .LogInformation("Open page of {User} signed out: {Reason}", principal.Identity?.Name, reason);
        // The refusal below ends the circuit; the navigation, sent first on the same connection, takes the browser to
        // sign-in. Only one navigation: a second one (the router's, after an authentication-state change) would abort it.
        var navigation = services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        try
        {
            navigation.NavigateTo($"{Security.SignInPath}?het-phien=1&returnUrl=/{Uri.EscapeDataString(navigation.ToBaseRelativePath(navigation.Uri))}", forceLoad: true);
        }
        catch (InvalidOperationException)
        {
            // Not initialized (no page yet): the router's sign-in redirect does it.
            if (services.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(PageSession.Anonymous)));
        }
        throw new BaoCao.SharedKernel.Pipeline.AccessDeniedException(reason, signedIn: false);
    }
}

/// <summary>
/// Ends an open page's session without waiting for the user to act: every <see cref="PageSession.Recheck"/> the circuit's
/// account is checked (and its idle time), so a suspended, terminated or signed-out account's page turns to the sign-in
/// page within a minute.
/// </summary>
internal sealed class RevalidatingPageAuthentication(ILoggerFactory loggers, IServiceScopeFactory scopes, CircuitUser circuit, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => PageSession.Recheck;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
            return true;
        if (circuit.IsCircuit && clock.GetUtcNow() - circuit.LastActivity > PageSession.Idle)
            return false;
        await using var scope = scopes.CreateAsyncScope();
        var fresh = await scope.ServiceProvider.GetRequiredService<ISessionValidator>().RevalidateAsync(circuit.Principal ?? authenticationState.User, cancellationToken);
        if (fresh is null)
            return false;
        circuit.Principal = fresh;
        circuit.CheckedAt = clock.GetUtcNow();
        return true;
    }
}
