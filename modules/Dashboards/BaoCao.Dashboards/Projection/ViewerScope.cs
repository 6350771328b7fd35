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
        bool rollup, CancellationToken cancellationToken) =>
        (await ReadFiguresAsync(indicator, units, periods, rollup, cancellationToken)).ToDictionary(s => s.Key, s => s.Value.Select(f => f.Value).ToArray());

    /// <summary>The figures with how complete each is (see <see cref="SeriesReader.ReadFiguresAsync"/>).</summary>
    public async Task<Dictionary<string, Figure[]>> ReadFiguresAsync(IndicatorInfo indicator, IReadOnlyList<string> units, IReadOnlyList<Deadlines.Contracts.PeriodSpan> periods,
        bool rollup, CancellationToken cancellationToken)
    {
        var approved = new List<string>();
        var published = new List<string>();
        var inScope = await UnitsInScopeAsync(cancellationToken);
        foreach (var unit in units)
            (inScope is null || inScope.Contains(unit) ? approved : published).Add(unit);
        var result = new Dictionary<string, Figure[]>();
        if (approved.Count > 0)
            foreach (var (unit, values) in await reader.ReadFiguresAsync(indicator, approved, periods, rollup, FigureSource.Approved, cancellationToken))
                result[unit] = values;
        if (published.Count > 0)
            foreach (var (unit, values) in await reader.ReadFiguresAsync(indicator, published, periods, rollup, FigureSource.Published, cancellationToken))
                result[unit] = values;
        return units.Distinct().ToDictionary(u => u, u => result.GetValueOrDefault(u) ?? [.. periods.Select(p => new Figure(null, 0, p.Parts.Count > 0 ? p.Parts[0].Count : 1))]);
    }

    /// <summary>The units whose approved figures the caller may see: null for all (province-wide), empty for the public.
    /// Asked once per request, not once per unit.</summary>
    private async Task<HashSet<string>?> UnitsInScopeAsync(CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
            return [];
        if (_scope is null && !_provinceWide)
        {
            _provinceWide = await sender.Send(new CheckProvinceWideAccess(Permissions.ViewDashboards), cancellationToken);
            if (!_provinceWide)
                _scope = [.. await sender.Send(new GetUnitCodesInScope(Permissions.ViewDashboards), cancellationToken)];
        }
        return _provinceWide ? null : _scope;
    }

    private HashSet<string>? _scope;
    private bool _provinceWide;

    /// <summary>Identifies what the caller may see, for sharing composed answers between callers who see the same.</summary>
    public async Task<string> KeyAsync(CancellationToken cancellationToken) =>
        await UnitsInScopeAsync(cancellationToken) switch
        {
            null => "*",
            { Count: 0 } => "public",
            var units => string.Join(',', units.Order(StringComparer.Ordinal)),
        };

    public async Task<bool> MaySeeApprovedAsync(string unit, CancellationToken cancellationToken) =>
        await UnitsInScopeAsync(cancellationToken) is not { } units || units.Contains(unit);

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
