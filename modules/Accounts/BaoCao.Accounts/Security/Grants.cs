using System.Linq.Expressions;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Security;

/// <summary>A grant with the tree path of its unit, for scope checks and scope filters.</summary>
internal sealed record ScopedGrant(string Role, Guid UnitId, string UnitCode, string UnitName, string UnitPath, bool IncludeSubUnits, string Forms = "")
{
    /// <summary>A grant on a root of the unit tree with its sub-units: the whole province.</summary>
    public bool IsProvinceWide(IReadOnlySet<Guid> roots) => IncludeSubUnits && roots.Contains(UnitId);

    public bool Covers(Unit unit) => Covers(unit.Id, unit.Path);

    public bool Covers(Guid unitId, string unitPath) => unitId == UnitId || (IncludeSubUnits && unitPath.StartsWith(UnitPath, StringComparison.Ordinal));

    public bool CoversForm(string? formCode) =>
        formCode is null || Forms.Length == 0 || Forms.Split(',').Contains(formCode, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Accounts' role grants by normalized user name: asked by every access check, changed rarely. A grant, account or
/// unit saved on this node clears it at once; one saved on another node is seen within 30 s — the same window in which a
/// signed-in cookie is checked again (<see cref="AccountPrincipals.RecheckInterval"/>).</summary>
internal sealed class GrantCache(TimeProvider clock)
    : SharedKernel.Persistence.NodeCache<string, IReadOnlyList<ScopedGrant>>(clock, AccountPrincipals.RecheckInterval, [typeof(RoleGrant), typeof(Account), typeof(Unit)]);

/// <summary>Role grants of the signed-in user, loaded once per request scope.</summary>
internal sealed class Grants(AccountsDbContext db, ICurrentUser user, GrantCache cache)
{
    private IReadOnlyList<ScopedGrant>? _mine;

    /// <summary>Which roles hold each permission (Đ10.1, Đ10.2).</summary>
    private static readonly Dictionary<string, string[]> RolesFor = new()
    {
        [Permissions.ViewUnits] = [Roles.Administrator, Roles.Leader, Roles.DataEntry],
        [Permissions.ManageUnits] = [Roles.Administrator],
        [Permissions.ViewAccounts] = [Roles.Administrator],
        [Permissions.ManageAccounts] = [Roles.Administrator],
        [Permissions.RequestAccounts] = [Roles.Administrator, Roles.Leader],
        [Permissions.ViewSecurityLog] = [Roles.Administrator],
        [Permissions.ManageIndicators] = [Roles.Administrator],
        [Permissions.ManageForms] = [Roles.Administrator],
        [Permissions.EnterData] = [Roles.DataEntry],
        [Permissions.ApproveData] = [Roles.Leader, Roles.Administrator],
        [Permissions.CreateReports] = [Roles.DataEntry, Roles.Administrator],
        [Permissions.ApproveReports] = [Roles.Leader, Roles.Administrator],
        [Permissions.ReceiveReports] = [Roles.Administrator, Roles.ReportReceiver],
        [Permissions.TrackReporting] = [Roles.Leader, Roles.Administrator],
        [Permissions.ViewDashboards] = [Roles.Administrator, Roles.Leader, Roles.DataEntry],
        [Permissions.ManageDashboards] = [Roles.Administrator],
        [Permissions.ManageJobs] = [Roles.Administrator],
        [Permissions.ManageCalendar] = [Roles.Administrator],
        [Permissions.ViewAuditTrail] = [Roles.Administrator],
        [Permissions.ManageReminders] = [Roles.Administrator],
        [Permissions.GenerateReports] = [Roles.Administrator],
        [Permissions.PublishData] = [Roles.Administrator],
        [Permissions.ManageExchange] = [Roles.Administrator],
        [Permissions.CompleteAccountRequests] = [Roles.Administrator],
    };

    /// <summary>The operations only a province-wide grant (the root unit with its sub-units) allows, whatever unit a
    /// request names: the audit trail and its verification, reminders (template, ladders, runs), compliance and usage
    /// generation, calendar schedules, publications and dashboard rebuilds, exchange keys and partners, the jobs
    /// dashboard and completing account requests. Units above one's own are refused by the unit check itself
    /// (a grant covers its unit and those below).</summary>
    public static readonly IReadOnlySet<string> ProvinceWide = new HashSet<string>
    {
        Permissions.ViewAuditTrail, Permissions.ManageReminders, Permissions.GenerateReports, Permissions.ManageCalendar,
        Permissions.PublishData, Permissions.ManageExchange, Permissions.ManageJobs, Permissions.CompleteAccountRequests,
    };

    public static IReadOnlyList<string> RolesHolding(string permission) =>
        RolesFor.TryGetValue(permission, out var roles) ? roles : [];

    public async Task<IReadOnlyList<ScopedGrant>> MineAsync(CancellationToken cancellationToken)
    {
        if (_mine is not null)
            return _mine;
        if (!user.IsAuthenticated || user.UserName is null)
            return _mine = [];
        var normalized = user.UserName.ToUpperInvariant();
        _mine = await cache.GetAsync(normalized, () =>
            ForAccountAsync(db, db.Accounts.Where(a => a.NormalizedUserName == normalized && a.Status == AccountStatus.Active).Select(a => a.Id), cancellationToken));
        return _mine;
    }

    public static async Task<IReadOnlyList<ScopedGrant>> ForAccountAsync(AccountsDbContext db, IQueryable<Guid> accountIds, CancellationToken cancellationToken) =>
        await (from grant in db.RoleGrants
               join unit in db.Units on grant.UnitId equals unit.Id
               where accountIds.Contains(grant.AccountId)
               select new ScopedGrant(grant.Role, unit.Id, unit.Code, unit.Name, unit.Path, grant.IncludeSubUnits, grant.Forms))
            .ToListAsync(cancellationToken);

    /// <summary>Where the caller holds <paramref name="permission"/>: through role grants for a person; for another
    /// system, on its token's unit and sub-units when the token carries the permission.</summary>
    public async Task<IReadOnlyList<ScopedGrant>> ScopesForAsync(string permission, CancellationToken cancellationToken)
    {
        if (user.FindClaim(ApiTokenAuthentication.TokenClaim) is { } tokenClaim && Guid.TryParse(tokenClaim, out var tokenId))
        {
            var token = await (from t in db.ApiTokens
                               join unit in db.Units on t.UnitId equals unit.Id
                               where t.Id == tokenId
                               select new { t.Permissions, unit.Id, unit.Code, unit.Name, unit.Path }).SingleOrDefaultAsync(cancellationToken);
            return token is not null && token.Permissions.Split(',').Contains(permission)
                ? [new ScopedGrant("Token", token.Id, token.Code, token.Name, token.Path, IncludeSubUnits: true)]
                : [];
        }
        var roles = RolesHolding(permission);
        return [.. (await MineAsync(cancellationToken)).Where(g => roles.Contains(g.Role))];
    }

    /// <summary>The accounts the caller administers for <paramref name="permission"/>: the account's unit and every one of
    /// its grants lie inside the caller's scope. An account that also holds a grant elsewhere (the province
    /// administrator, a leader of two units) is administered only by someone whose scope covers all of it.</summary>
    public async Task<IQueryable<Account>> AdministeredAccountsAsync(string permission, CancellationToken cancellationToken)
    {
        var units = db.Units.Where(await UnitScopeAsync(permission, cancellationToken)).Select(u => u.Id);
        return InsideUnits(db, units);
    }

    /// <summary>Accounts wholly inside the unit whose tree path is <paramref name="unitPath"/> (it and its sub-units): an
    /// account request of that unit may name only these.</summary>
    public static IQueryable<Account> InsideSubtree(AccountsDbContext db, string unitPath) =>
        InsideUnits(db, db.Units.Where(u => u.Path.StartsWith(unitPath)).Select(u => u.Id));

    /// <summary>Accounts whose unit and every grant lie among <paramref name="units"/>.</summary>
    public static IQueryable<Account> InsideUnits(AccountsDbContext db, IQueryable<Guid> units) =>
        db.Accounts.Where(a => units.Contains(a.UnitId) && !db.RoleGrants.Any(g => g.AccountId == a.Id && !units.Contains(g.UnitId)));

    /// <summary>Units the user may see for <paramref name="permission"/>, as a SQL predicate (never filtered after loading).</summary>
    public async Task<Expression<Func<Unit, bool>>> UnitScopeAsync(string permission, CancellationToken cancellationToken)
    {
        var grants = await ScopesForAsync(permission, cancellationToken);
        Expression<Func<Unit, bool>> none = _ => false;
        if (grants.Count == 0)
            return none;
        var unit = Expression.Parameter(typeof(Unit), "unit");
        Expression? any = null;
        foreach (var grant in grants)
        {
            Expression covers = Expression.Equal(Expression.Property(unit, nameof(Unit.Id)), Expression.Constant(grant.UnitId));
            if (grant.IncludeSubUnits)
                covers = Expression.Call(Expression.Property(unit, nameof(Unit.Path)), nameof(string.StartsWith), Type.EmptyTypes, Expression.Constant(grant.UnitPath));
            any = any is null ? covers : Expression.OrElse(any, covers);
        }
        return Expression.Lambda<Func<Unit, bool>>(any!, unit);
    }
}
