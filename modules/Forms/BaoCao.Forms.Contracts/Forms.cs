using Mediator;

namespace BaoCao.Forms.Contracts;

/// <summary>The codes of the forms whose version in use (published, not superseded) has a row for the indicator; an
/// indicator in such a form cannot be retired.</summary>
public sealed record FindFormsUsingIndicator(string IndicatorCode) : IQuery<IReadOnlyList<string>>;

/// <summary>The values entered on a form for a unit and period (the entered columns), with what stops it from being
/// submitted: missing required cells and violated high-importance data checks. Null when the form, unit or period
/// is not one the unit reports.</summary>
public sealed record GetFormValues(string FormCode, string UnitCode, string Period) : IQuery<FormValues?>;

/// <param name="Blockers">Vietnamese sentences; empty when the data may be submitted.</param>
/// <param name="PeriodStart">The period's first day (a merged unit takes nothing for a period starting after its last day).</param>
public sealed record FormValues(int FormVersion, IReadOnlyList<FormValue> Values, IReadOnlyList<string> Blockers, DateOnly PeriodStart);

/// <param name="Column">"current" or "plan".</param>
/// <param name="Disaggregation">Option codes joined by '.', or "" for the total.</param>
public sealed record FormValue(string Indicator, string Column, string Disaggregation, decimal? Number, string? Text);

/// <summary>Values of a form were saved (from the page, a file or the API): what changed, by whom, from where. The
/// Workflow module writes it to the audit trail. <paramref name="EventId"/> lets subscribers ignore a redelivery.</summary>
public sealed record FormValuesChanged(Guid EventId, string FormCode, string UnitCode, string Period, string By, string? Address, string Source,
    DateTimeOffset At, IReadOnlyList<ValueChange> Changes) : INotification;

/// <param name="Before">The value before (invariant text), or null for a new cell.</param>
public sealed record ValueChange(string Indicator, string Column, string Disaggregation, string? Before, string? After, string? Comment);

/// <summary>How many values each unit saved (from the page, a file or the API) between two instants, for the usage report (Đ18.1).</summary>
public sealed record CountEntries(DateTimeOffset From, DateTimeOffset To) : IQuery<IReadOnlyDictionary<string, int>>;
