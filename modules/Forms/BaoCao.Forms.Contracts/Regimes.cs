using Mediator;

namespace BaoCao.Forms.Contracts;

/// <summary>Periodic (month, quarter, half-year, nine months, year), thematic (rounds in a set time) or ad hoc (one round).
/// Stored and answered by name: do not rename the members.</summary>
public enum RegimeKind { Periodic, Thematic, AdHoc }

/// <summary>How often a periodic regime reports. The names are those of Deadlines' PeriodKind (a periodic regime's periods
/// are of that kind); stored by name.</summary>
public enum Frequency { Month, Quarter, HalfYear, NineMonths, Year }

/// <summary>What happens to a submission after reception closes (Đ14.4): refused, or accepted and marked late.</summary>
public enum LateSubmission { AcceptAsLate, Refuse }

/// <summary>A regime as Workflow and Deadlines need it: who reports to whom, when, on which forms, and the report
/// template (table part and narrative outline). Null when there is no such regime.</summary>
public sealed record GetRegime(string Code) : IQuery<RegimeInfo?>;

/// <summary>Every active regime, for pickers and for the jobs that walk all of them.</summary>
public sealed record ListRegimes : IQuery<IReadOnlyList<RegimeInfo>>;

/// <param name="Frequency">Set for a periodic regime only.</param>
/// <param name="ReportingUnits">The units that report today: the explicit list and the units of the listed kinds
/// under the subtree (the whole province when none is set).</param>
/// <param name="LateSubmission">What happens after reception closes.</param>
/// <param name="Tables">The table part; one table per form with all its rows when none was designed.</param>
public sealed record RegimeInfo(string Code, string Name, RegimeKind Kind, Frequency? Frequency, string PeriodRule, int? DueDay, int? DueDaysAfterWindow,
    IReadOnlyList<RegimeRound> Rounds, string ReceivingUnit, string OwnerUnit, LateSubmission LateSubmission, IReadOnlyList<string> ReportingUnits,
    IReadOnlyList<string> Forms, IReadOnlyList<OutlineSection> Outline, IReadOnlyList<TemplateTable> Tables, bool AllowIncompleteReportTable = false)
{
    /// <summary>The round of a thematic or ad hoc regime with that period code.</summary>
    public RegimeRound? FindRound(string period) => Rounds.FirstOrDefault(r => r.Period == period);
}

/// <param name="Period">The round's period code, "YYYYMMDD-YYYYMMDD".</param>
public sealed record RegimeRound(string Period, DateOnly Start, DateOnly End, DateOnly DueDate);

public sealed record OutlineSection(string Title, string? Guidance);

/// <param name="Columns">current, lastyear, plan, ytd, pct_lastyear, pct_plan.</param>
public sealed record TemplateTable(string Title, IReadOnlyList<string> Indicators, IReadOnlyList<string> Columns);

/// <summary>
/// Lays out one table of a report: the listed indicators in the listed columns, computed (computed indicators, the year
/// so far, % columns) by the same sheet the data-entry page uses, from totals the caller gathered — a unit's approved
/// values or their roll-up. Keys of the dictionaries are indicator codes.
/// </summary>
/// <param name="EarlierThisYear">Values of the periods of the year before this one, in order.</param>
/// <param name="YearToDatePeriods">How many periods the year so far holds, this one included: a year to date holding fewer says so.</param>
public sealed record ComputeTable(IReadOnlyList<string> Indicators, IReadOnlyList<string> Columns, DateOnly AsOf,
    IReadOnlyDictionary<string, decimal> Current, IReadOnlyDictionary<string, decimal> Plan, IReadOnlyDictionary<string, decimal> LastYear,
    IReadOnlyDictionary<string, decimal> Previous, IReadOnlyDictionary<string, IReadOnlyList<decimal>> EarlierThisYear, int YearToDatePeriods = 0) : IQuery<ComputedTable>;

/// <param name="ColumnLabels">The headings of the columns, in Vietnamese, in the order asked.</param>
public sealed record ComputedTable(IReadOnlyList<string> ColumnLabels, IReadOnlyList<TableRow> Rows);

/// <param name="UnitOfMeasure">Its name, e.g. "tỷ đồng".</param>
public sealed record TableRow(string Indicator, string Name, string UnitOfMeasure, IReadOnlyList<TableCell> Cells);

/// <param name="Reason">Why a cell is empty (a missing input), or what a figure holds ("Lũy kế 9/10 kỳ …"), in Vietnamese.</param>
public sealed record TableCell(string Column, decimal? Value, string? Reason);


/// <summary>The indicators (rows, computed ones included) that any of <paramref name="UnitCodes"/> reports on the forms of
/// a regime during a period: forms assigned to the unit then, in the version in force at <paramref name="From"/>.</summary>
public sealed record ListReportedIndicators(string RegimeCode, IReadOnlyCollection<string> UnitCodes, DateOnly From, DateOnly To) : IQuery<IReadOnlyList<string>>;

/// <summary>The regime's forms assigned to any of <paramref name="UnitCodes"/> during the period, one entry per form and
/// unit: whose approval a report's table part waits for.</summary>
public sealed record ListAssignedForms(string RegimeCode, IReadOnlyCollection<string> UnitCodes, DateOnly From, DateOnly To) : IQuery<IReadOnlyList<AssignedForm>>;

/// <param name="FormName">The form's name, e.g. "Biểu 01/TC: Thu, chi ngân sách".</param>
public sealed record AssignedForm(string FormCode, string FormName, string UnitCode);

/// <summary>The units assigned one of the regime's forms at some time between <paramref name="From"/> and
/// <paramref name="To"/>: with the regime's reporting units, who owes its report for a period.</summary>
public sealed record ListAssignedUnits(string RegimeCode, DateOnly From, DateOnly To) : IQuery<IReadOnlyList<string>>;

/// <summary>The regime's reporting units that existed on <paramref name="Day"/> (its list, and its unit kinds under its subtree).</summary>
public sealed record ListReportingUnits(string RegimeCode, DateOnly Day) : IQuery<IReadOnlyList<string>>;
