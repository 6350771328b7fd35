using BaoCao.SharedKernel.Security;

namespace BaoCao.Web.Hosting;

/// <summary>The signed-in user of the current HTTP request or Blazor circuit; anonymous when there is none
/// (a background scope acts through <see cref="SystemUser"/> explicitly).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private System.Security.Claims.ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? UserName => IsAuthenticated ? Principal!.Identity!.Name : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? FindClaim(string type) => Principal?.FindFirst(type)?.Value;
}
