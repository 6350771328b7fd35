using BaoCao.SharedKernel.Security;
using Mediator;

namespace BaoCao.SharedKernel.Pipeline;

/// <summary>A request that declares the permission it needs and, where it acts on one unit, that unit.</summary>
public interface IRequireAccess
{
    string Permission { get; }
    string? UnitCode => null;
    /// <summary>The data-entry form acted on, for permissions granted per form (entering, delegated approval).</summary>
    string? FormCode => null;
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
}

/// <summary>Until Accounts grants exist: any signed-in user may, anonymous callers may not.</summary>
public sealed class SignedInAccessPolicy : IAccessPolicy
{
    public ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, CancellationToken cancellationToken) =>
        ValueTask.FromResult(user.IsAuthenticated ? AccessDecision.Allow : AccessDecision.Deny("Bạn cần đăng nhập để tiếp tục."));
}

public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user, IAccessPolicy policy)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRequireAccess access)
        {
            var decision = await policy.CheckAsync(user, access.Permission, access.UnitCode, access.FormCode, cancellationToken);
            if (!decision.Allowed)
                throw new AccessDeniedException(decision.Reason ?? "Bạn không có quyền thực hiện thao tác này.", user.IsAuthenticated);
        }
        return await next(message, cancellationToken);
    }
}
