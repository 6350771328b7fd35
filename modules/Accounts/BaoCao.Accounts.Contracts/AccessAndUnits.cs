using Mediator;

namespace BaoCao.Accounts.Contracts;

/// <summary>Whether the current user holds <paramref name="Permission"/> (a <c>Permissions</c> constant) for a unit
/// and, for per-form permissions, a form. The single access decision every module uses.</summary>
public sealed record CheckAccess(string Permission, string? UnitCode = null, string? FormCode = null) : IQuery<bool>;

/// <summary>Whether the current user holds <paramref name="Permission"/> on the province itself (the root unit), for
/// province-wide lists such as the holiday calendar or the units of measure.</summary>
public sealed record CheckProvinceWideAccess(string Permission) : IQuery<bool>;

/// <summary>The codes of the units where the current user holds <paramref name="Permission"/>, to filter a list in SQL
/// (<c>WHERE unit_code IN (…)</c>) rather than after loading.</summary>
public sealed record GetUnitCodesInScope(string Permission) : IQuery<IReadOnlyList<string>>;

/// <summary>One unit by code, or null.</summary>
public sealed record FindUnit(string Code) : IQuery<UnitInfo?>;

/// <summary>The whole unit tree, merged units included (under their successors), for roll-ups and reminders.</summary>
public sealed record ListAllUnits : IQuery<IReadOnlyList<UnitInfo>>;

/// <param name="Kind">ProvincePeoplesCommittee, ProvinceOffice, Department, CommunePeoplesCommittee, SubDepartment or OtherAgency.</param>
public sealed record UnitInfo(string Code, string Name, string Kind, string? ParentCode, string? SuccessorCode,
    DateOnly ValidFrom, DateOnly? ValidTo, string? OfficialEmail, string? LeaderEmail);

/// <summary>Who an account is and where to write to them, for notifications; null for an unknown or inactive account.</summary>
public sealed record GetAccountContact(string UserName) : IQuery<AccountContact?>;

public sealed record AccountContact(string UserName, string DisplayName, string? Email, string UnitCode);

/// <summary>Every account's unit, by user name (case as stored), for counting use per unit.</summary>
public sealed record ListAccountUnits : IQuery<IReadOnlyDictionary<string, string>>;
