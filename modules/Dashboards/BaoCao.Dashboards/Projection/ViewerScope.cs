using BaoCao.Accounts.Contracts;
using BaoCao.Dashboards.Domain;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Dashboards.Projection;

/// <summary>
/// What the current caller may see of each unit: approved figures where they hold the dashboards permission (their
/// unit and what is under it, or the whole province), published figures everywhere else — anonymous callers only
/// published ones. Series of units of both kinds are read in two passes and put back in the order asked.
/// </summary>
internal sealed class ViewerScope(ISender sender, ICurrentUser user, SeriesReader reader)
{
    public async Task<Dictionary<string, decimal?[]>> ReadAsync(IndicatorInfo indicator, IReadOnlyList<string> units, IReadOnlyList<Deadlines.Contracts.PeriodSpan> periods,
        bool rollup, CancellationToken cancellationToken)
    {
        var approved = new List<string>();
        var published = new List<string>();
        foreach (var unit in units)
            (await MaySeeApprovedAsync(unit, cancellationToken) ? approved : published).Add(unit);
        var result = new Dictionary<string, decimal?[]>();
        if (approved.Count > 0)
            foreach (var (unit, values) in await reader.ReadAsync(indicator, approved, periods, rollup, FigureSource.Approved, cancellationToken))
                result[unit] = values;
        if (published.Count > 0)
            foreach (var (unit, values) in await reader.ReadAsync(indicator, published, periods, rollup, FigureSource.Published, cancellationToken))
                result[unit] = values;
        return units.Distinct().ToDictionary(u => u, u => result.GetValueOrDefault(u) ?? new decimal?[periods.Count]);
    }

    public async Task<bool> MaySeeApprovedAsync(string unit, CancellationToken cancellationToken) =>
        user.IsAuthenticated && await sender.Send(new CheckAccess(Permissions.ViewDashboards, unit), cancellationToken);

    /// <summary>Whether the caller is among a dashboard's audience.</summary>
    public async Task<bool> MayOpenAsync(Dashboard dashboard, CancellationToken cancellationToken) => dashboard.Audience switch
    {
        Audience.Public => true,
        _ when !user.IsAuthenticated => false,
        _ when await sender.Send(new CheckAccess(Permissions.ManageDashboards, dashboard.UnitCode), cancellationToken) => true,
        Audience.Province => true,
        Audience.UnitLeaders => await sender.Send(new CheckAccess(Permissions.TrackReporting, dashboard.UnitCode), cancellationToken),
        _ => await sender.Send(new CheckAccess(Permissions.ViewDashboards, dashboard.UnitCode), cancellationToken),
    };

    /// <summary>The unit a caller's series default to: their own unit, or the province for the public.</summary>
    public async Task<string?> HomeUnitAsync(CancellationToken cancellationToken)
    {
        if (user.IsAuthenticated && user.UserName is { } name && await sender.Send(new GetAccountContact(name), cancellationToken) is { } account)
            return account.UnitCode;
        return (await sender.Send(new ListAllUnits(), cancellationToken)).FirstOrDefault(u => u.ParentCode is null)?.Code;
    }
}
