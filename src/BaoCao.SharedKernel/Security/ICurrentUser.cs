using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.SharedKernel.Security;

/// <summary>Who is acting. Jobs and start-up code act as <see cref="SystemUser"/>.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string? UserName { get; }
    bool IsInRole(string role);
    /// <summary>The client's address, for audit and security logs.</summary>
    string? RemoteAddress { get; }

    /// <summary>A claim of the signed-in principal (e.g. the API token id for other systems).</summary>
    string? FindClaim(string type) => null;
}

public static class AuthenticationSchemes
{
    /// <summary>Other systems call /api with <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string ApiToken = "ApiToken";
}

public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public bool IsAuthenticated => true;
    public string UserName => "system";
    public bool IsInRole(string role) => true;
    public string? RemoteAddress => null;
    public string? FindClaim(string type) => null;
}

/// <summary>
/// Marks a DI scope as acting for the system (a Hangfire job, demo seeding): within it <see cref="ICurrentUser"/>
/// resolves to <see cref="SystemUser"/>, so the same mediator requests run with the system's rights and are logged as such.
/// </summary>
public sealed class SystemActor
{
    public bool Acting { get; private set; }

    public static AsyncServiceScope Begin(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SystemActor>().Acting = true;
        return scope;
    }
}
