using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Security;

/// <summary>The one access decision: a permission is held through a role grant on the unit acted on (or an
/// ancestor granted with its sub-units). Requests name the unit by code; an unknown unit is refused.</summary>
internal sealed class AccountsAccessPolicy(Grants grants, AccountsDbContext db) : IAccessPolicy
{
    public async ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, CancellationToken cancellationToken)
    {
        if (user is SystemUser)
            return AccessDecision.Allow;
        if (!user.IsAuthenticated)
            return AccessDecision.Deny("Bạn cần đăng nhập để tiếp tục.");

        var held = await grants.ScopesForAsync(permission, cancellationToken);
        if (held.Count == 0)
            return AccessDecision.Deny("Tài khoản của bạn không có quyền thực hiện thao tác này.");
        if (unitCode is null)
            return AccessDecision.Allow;

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken);
        return unit is not null && held.Any(g => g.Covers(unit))
            ? AccessDecision.Allow
            : AccessDecision.Deny("Tài khoản của bạn không có quyền với đơn vị này.");
    }
}
