using BaoCao.SharedKernel.Security;
using Mediator;

namespace BaoCao.SharedKernel.Pipeline;

/// <summary>A request that declares the permission it needs and, where it acts on one unit, that unit. Fails closed:
/// a request that names no unit is a province-wide request and needs a province-wide grant.</summary>
public interface IRequireAccess
{
    string Permission { get; }
    string? UnitCode => null;
    /// <summary>The data-entry form acted on, for permissions granted per form (entering, delegated approval).</summary>
    string? FormCode => null;

    /// <summary>True when the handler itself narrows the request to the caller's units — a list filtered in SQL by
    /// <c>GetUnitCodesInScope</c>, or an object whose owner unit it checks before acting. Then holding the permission on
    /// some unit is enough to enter; otherwise a request with no unit needs the permission province-wide.</summary>
    bool NarrowedByHandler => false;
}

public sealed record AccessDecision(bool Allowed, string? Reason = null)
{
    public static readonly AccessDecision Allow = new(true);
    public static AccessDecision Deny(string reason) => new(false, reason);
}

/// <summary>The single authorization decision point. The Accounts module replaces the default registration
/// with one that knows role grants and unit scope; modules never decide access themselves.</summary>
public interface IAccessPolicy
{
    ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, CancellationToken cancellationToken);

    ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, string? formCode, CancellationToken cancellationToken) =>
        CheckAsync(user, permission, unitCode, cancellationToken);

    /// <summary>Whether the user holds the permission on at least one unit, for requests whose handler narrows to it.</summary>
    ValueTask<AccessDecision> CheckHeldSomewhereAsync(ICurrentUser user, string permission, string? formCode, CancellationToken cancellationToken);
}

/// <summary>The registration when no module decides access: nothing but the system may act (fails closed).</summary>
public sealed class DenyAllAccessPolicy : IAccessPolicy
{
    private static readonly AccessDecision Refused = AccessDecision.Deny("Hệ thống chưa cấu hình phân quyền.");

    public ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, CancellationToken cancellationToken) =>
        ValueTask.FromResult(user is SystemUser ? AccessDecision.Allow : Refused);

    public ValueTask<AccessDecision> CheckHeldSomewhereAsync(ICurrentUser user, string permission, string? formCode, CancellationToken cancellationToken) =>
        CheckAsync(user, permission, null, cancellationToken);
}

public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user, IAccessPolicy policy)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRequireAccess access)
        {
            var decision = access.UnitCode is null && access.NarrowedByHandler
                ? await policy.CheckHeldSomewhereAsync(user, access.Permission, access.FormCode, cancellationToken)
                : await policy.CheckAsync(user, access.Permission, access.UnitCode, access.FormCode, cancellationToken);
            if (!decision.Allowed)
                throw new AccessDeniedException(decision.Reason ?? "Bạn không có quyền thực hiện thao tác này.", user.IsAuthenticated);
        }
        return await next(message, cancellationToken);
    }
}
