using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Security;

/// <summary>The one access decision: a permission is held through a role grant on the unit acted on (or an
/// ancestor granted with its sub-units). Requests name the unit by code; an unknown unit is refused. Fails closed: a
/// request naming no unit, and every operation in <see cref="Grants.ProvinceWide"/>, needs a province-wide grant.</summary>
internal sealed class AccountsAccessPolicy(Grants grants, AccountsDbContext db, TimeProvider clock, Integration.UnitDirectory directory) : IAccessPolicy
{
    public ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, CancellationToken cancellationToken) =>
        CheckAsync(user, permission, unitCode, null, cancellationToken);

    public async ValueTask<AccessDecision> CheckAsync(ICurrentUser user, string permission, string? unitCode, string? formCode, CancellationToken cancellationToken)
    {
        if (user is SystemUser)
            return AccessDecision.Allow;
        if (!user.IsAuthenticated)
            return AccessDecision.Deny("Bạn cần đăng nhập để tiếp tục.");

        // A DataEntry grant may list its forms; approval may also come from a leader's delegation for a form.
        var held = (await grants.ScopesForAsync(permission, cancellationToken))
            .Where(g => permission != Permissions.EnterData || g.CoversForm(formCode)).ToList();
        var delegations = permission == Permissions.ApproveData && formCode is not null
            ? await DelegatedUnitsAsync(user, formCode, cancellationToken)
            : [];
        if (held.Count == 0 && delegations.Count == 0)
            return AccessDecision.Deny("Tài khoản của bạn không có quyền thực hiện thao tác này.");
        var tree = await directory.GetAsync(() => Integration.AccountQueries.DirectoryAsync(db, cancellationToken));
        if (unitCode is null || Grants.ProvinceWide.Contains(permission))
            return held.Any(g => g.IsProvinceWide(tree.Roots))
                ? AccessDecision.Allow
                : AccessDecision.Deny("Chỉ quản trị cấp tỉnh mới thực hiện được thao tác này. Hãy đề nghị Văn phòng UBND tỉnh thực hiện.");

        // From the in-memory tree; a unit created on another node moments ago is not there yet, so ask the database.
        var unit = tree.ByCode.GetValueOrDefault(unitCode) is { } known
            ? new { known.Id, known.Path }
            : await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => new { u.Id, u.Path }).SingleOrDefaultAsync(cancellationToken);
        return unit is not null && (held.Any(g => g.Covers(unit.Id, unit.Path)) || delegations.Contains(unit.Id))
            ? AccessDecision.Allow
            : AccessDecision.Deny("Tài khoản của bạn không có quyền với đơn vị này.");
    }

    public async ValueTask<AccessDecision> CheckHeldSomewhereAsync(ICurrentUser user, string permission, string? formCode, CancellationToken cancellationToken)
    {
        if (user is SystemUser)
            return AccessDecision.Allow;
        if (!user.IsAuthenticated)
            return AccessDecision.Deny("Bạn cần đăng nhập để tiếp tục.");
        if (Grants.ProvinceWide.Contains(permission))
            return await CheckAsync(user, permission, null, formCode, cancellationToken);
        var held = (await grants.ScopesForAsync(permission, cancellationToken)).Any(g => permission != Permissions.EnterData || g.CoversForm(formCode))
            || (permission == Permissions.ApproveData && formCode is not null && (await DelegatedUnitsAsync(user, formCode, cancellationToken)).Count > 0);
        return held ? AccessDecision.Allow : AccessDecision.Deny("Tài khoản của bạn không có quyền thực hiện thao tác này.");
    }

    private async Task<List<Guid>> DelegatedUnitsAsync(ICurrentUser user, string formCode, CancellationToken cancellationToken)
    {
        if (user.UserName is null)
            return [];
        var today = SharedKernel.Time.VietnamTime.Today(clock);
        var normalized = user.UserName.ToUpperInvariant();
        var active = await (from delegation in db.Delegations
                            join account in db.Accounts on delegation.ToAccountId equals account.Id
                            where account.NormalizedUserName == normalized && delegation.RevokedAt == null && delegation.Until >= today
                            select delegation).ToListAsync(cancellationToken);
        return [.. active.Where(d => d.CoversForm(formCode)).Select(d => d.UnitId)];
    }
}
