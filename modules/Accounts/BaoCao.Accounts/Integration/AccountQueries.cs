using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Integration;

/// <summary>Answers other modules' questions about access and units (Accounts' Contracts).</summary>
internal sealed class AccountQueries(AccountsDbContext db, IAccessPolicy access, ICurrentUser user, Grants grants, Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer,
    UnitDirectory directory)
    : IQueryHandler<CheckAccess, bool>, IQueryHandler<CheckAccessSomewhere, bool>, IQueryHandler<GetUnitCodesInScope, IReadOnlyList<string>>,
      IQueryHandler<FindUnit, UnitInfo?>, IQueryHandler<ListAllUnits, IReadOnlyList<UnitInfo>>, IQueryHandler<GetUnitExchangeCodes, UnitExchangeCodes>, IQueryHandler<CheckProvinceWideAccess, bool>,
      IQueryHandler<GetAccountContact, AccountContact?>, IQueryHandler<ListAccountUnits, IReadOnlyDictionary<string, string>>,
      IQueryHandler<CheckUnitValidity, string?>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(ListAccountUnits query, CancellationToken cancellationToken) =>
        await (from account in db.Accounts.AsNoTracking()
               join unit in db.Units.AsNoTracking() on account.UnitId equals unit.Id
               select new { account.UserName, unit.Code })
            .ToDictionaryAsync(a => a.UserName!, a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);

    public async ValueTask<AccountContact?> Handle(GetAccountContact query, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(query.UserName.Trim());
        return await (from account in db.Accounts.AsNoTracking()
                      join unit in db.Units.AsNoTracking() on account.UnitId equals unit.Id
                      where account.NormalizedUserName == normalized && account.Status == Domain.AccountStatus.Active
                      select new AccountContact(account.UserName!, account.DisplayName, account.Email, unit.Code))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async ValueTask<bool> Handle(CheckProvinceWideAccess query, CancellationToken cancellationToken) =>
        (await access.CheckAsync(user, query.Permission, null, cancellationToken)).Allowed;

    public async ValueTask<bool> Handle(CheckAccess query, CancellationToken cancellationToken) =>
        (await access.CheckAsync(user, query.Permission, query.UnitCode, query.FormCode, cancellationToken)).Allowed;

    public async ValueTask<bool> Handle(CheckAccessSomewhere query, CancellationToken cancellationToken) =>
        (await access.CheckHeldSomewhereAsync(user, query.Permission, null, cancellationToken)).Allowed;

    public async ValueTask<IReadOnlyList<string>> Handle(GetUnitCodesInScope query, CancellationToken cancellationToken) =>
        await db.Units.Where(await grants.UnitScopeAsync(query.Permission, cancellationToken)).Select(u => u.Code).ToListAsync(cancellationToken);

    public async ValueTask<UnitInfo?> Handle(FindUnit query, CancellationToken cancellationToken) =>
        (await AllAsync(db, db.Units.Where(u => u.Code == query.Code), cancellationToken)).SingleOrDefault()?.Info;

    public async ValueTask<IReadOnlyList<UnitInfo>> Handle(ListAllUnits query, CancellationToken cancellationToken) =>
        (await directory.GetAsync(() => DirectoryAsync(db, cancellationToken))).Infos;

    public async ValueTask<string?> Handle(CheckUnitValidity query, CancellationToken cancellationToken)
    {
        var tree = await directory.GetAsync(() => DirectoryAsync(db, cancellationToken));
        if (!tree.ByCode.TryGetValue(Codes.Normalize(query.UnitCode), out var unit) || unit.Info.ValidTo is not { } last || query.PeriodStart <= last)
            return null;
        var successor = unit.Info.SuccessorCode is { } code && tree.ByCode.TryGetValue(code, out var found) ? found.Info : null;
        var closed = $"Đơn vị {unit.Info.Name} ({unit.Info.Code}) hoạt động đến hết ngày {last:dd/MM/yyyy}; kỳ {query.PeriodCode} bắt đầu sau ngày đó";
        return successor is null
            ? $"{closed}: đơn vị không còn nhận số liệu, trình duyệt hay báo cáo."
            : $"{closed}: đơn vị đã sáp nhập vào {successor.Name} ({successor.Code}) — số liệu, trình duyệt và báo cáo từ kỳ này do {successor.Code} thực hiện.";
    }

    public async ValueTask<UnitExchangeCodes> Handle(GetUnitExchangeCodes query, CancellationToken cancellationToken)
    {
        var named = (await Handle(new ListAllUnits(), cancellationToken)).Where(u => !string.IsNullOrWhiteSpace(u.AdministrativeCode)).ToList();
        return new UnitExchangeCodes(named.ToDictionary(u => u.Code, u => u.AdministrativeCode!.Trim()),
            named.GroupBy(u => u.AdministrativeCode!.Trim()).ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo.HasValue).First().Code));
    }

    /// <summary>Every unit, for the in-memory <see cref="UnitDirectory"/>.</summary>
    public static Task<List<DirectoryUnit>> DirectoryAsync(AccountsDbContext db, CancellationToken cancellationToken) => AllAsync(db, db.Units, cancellationToken);

    private static async Task<List<DirectoryUnit>> AllAsync(AccountsDbContext db, IQueryable<Domain.Unit> units, CancellationToken cancellationToken) =>
        await (from unit in units.AsNoTracking()
               join parent in db.Units on unit.ParentId equals parent.Id into parents
               from parent in parents.DefaultIfEmpty()
               join successor in db.Units on unit.SuccessorId equals successor.Id into successors
               from successor in successors.DefaultIfEmpty()
               orderby unit.Path
               select new DirectoryUnit(unit.Id, unit.Path, new UnitInfo(unit.Code, unit.Name, unit.Kind, parent == null ? null : parent.Code,
                   successor == null ? null : successor.Code, unit.ValidFrom, unit.ValidTo, unit.OfficialEmail, unit.LeaderEmail, unit.AdministrativeCode)))
            .ToListAsync(cancellationToken);
}
