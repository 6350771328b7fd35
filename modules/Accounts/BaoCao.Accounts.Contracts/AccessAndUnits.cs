using Mediator;

namespace BaoCao.Accounts.Contracts;

/// <summary>Whether the current user holds <paramref name="Permission"/> (a <c>Permissions</c> constant) for a unit
/// and, for per-form permissions, a form. The single access decision every module uses. With no unit it asks for
/// the province (fails closed).</summary>
public sealed record CheckAccess(string Permission, string? UnitCode = null, string? FormCode = null) : IQuery<bool>;

/// <summary>Whether the current user holds <paramref name="Permission"/> on at least one unit — to show a button whose
/// action is checked again on the unit it acts on.</summary>
public sealed record CheckAccessSomewhere(string Permission) : IQuery<bool>;

/// <summary>Whether the current user holds <paramref name="Permission"/> province-wide (a root unit with its sub-units),
/// for province-wide lists such as the holiday calendar or the units of measure.</summary>
public sealed record CheckProvinceWideAccess(string Permission) : IQuery<bool>;

/// <summary>The codes of the units where the current user holds <paramref name="Permission"/>, to filter a list in SQL
/// (<c>WHERE unit_code IN (…)</c>) rather than after loading.</summary>
public sealed record GetUnitCodesInScope(string Permission) : IQuery<IReadOnlyList<string>>;

/// <summary>One unit by code, or null.</summary>
public sealed record FindUnit(string Code) : IQuery<UnitInfo?>;

/// <summary>The whole unit tree, merged units included (under their successors), for roll-ups and reminders.</summary>
public sealed record ListAllUnits : IQuery<IReadOnlyList<UnitInfo>>;

/// <summary>What a unit is in the province's tree (regimes name the kinds that report). Stored and answered by name: do not
/// rename the members.</summary>
public enum UnitKind
{
    ProvincePeoplesCommittee,
    ProvinceOffice,
    Department,
    CommunePeoplesCommittee,
    SubDepartment,
    OtherAgency,
}

/// <param name="AdministrativeCode">The national administrative code (communes, wards), where the unit has one.</param>
public sealed record UnitInfo(string Code, string Name, UnitKind Kind, string? ParentCode, string? SuccessorCode,
    DateOnly ValidFrom, DateOnly? ValidTo, string? OfficialEmail, string? LeaderEmail, string? AdministrativeCode = null);

/// <summary>How units are named in exchanged packets (QCVN 125): by their national administrative code where they have
/// one, else by their BaoCao code; and back.</summary>
public sealed record GetUnitExchangeCodes : IQuery<UnitExchangeCodes>;

public sealed record UnitExchangeCodes(IReadOnlyDictionary<string, string> ExchangeByCode, IReadOnlyDictionary<string, string> CodeByExchange)
{
    /// <summary>The code a packet carries for a BaoCao unit code.</summary>
    public string ToExchange(string code) => ExchangeByCode.GetValueOrDefault(code, code);

    /// <summary>The BaoCao unit code for a code found in a packet (an administrative code or a BaoCao code).</summary>
    public string FromExchange(string code) => CodeByExchange.GetValueOrDefault(code.Trim(), SharedKernel.Text.Codes.Normalize(code));
}

/// <summary>Who an account is and where to write to them, for notifications; null for an unknown or inactive account.</summary>
public sealed record GetAccountContact(string UserName) : IQuery<AccountContact?>;

public sealed record AccountContact(string UserName, string DisplayName, string? Email, string UnitCode);

/// <summary>Every account's unit, by user name (case as stored), for counting use per unit.</summary>
public sealed record ListAccountUnits : IQuery<IReadOnlyDictionary<string, string>>;

/// <summary>Why the unit takes no data, submission or report for a period starting on <paramref name="PeriodStart"/>
/// (Vietnamese, naming its successor), or null while it may. A unit's validity ends on its last day: a period that
/// starts after it belongs to the successor; one that overlaps it is still the unit's.</summary>
public sealed record CheckUnitValidity(string UnitCode, string PeriodCode, DateOnly PeriodStart) : IQuery<string?>;

/// <summary>A unit was merged into a successor, or such a merger was undone, and committed. Dashboards roll up again,
/// Workflow writes it to the audit trail under <c>UNIT/{code}</c>; <paramref name="EventId"/> lets subscribers ignore
/// a redelivery.</summary>
/// <param name="Action">"merge" or "undo".</param>
/// <param name="LastDay">The merged unit's last day (of the merger undone, for an undo).</param>
public sealed record UnitMergeChanged(Guid EventId, string Action, string UnitCode, string SuccessorCode, DateOnly LastDay, string By, string? Address,
    DateTimeOffset At, string? Reason) : INotification;
