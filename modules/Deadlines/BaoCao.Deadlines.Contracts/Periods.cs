using Mediator;

namespace BaoCao.Deadlines.Contracts;

/// <summary>What a period code stands for: a month (YYYYMM), a quarter (YYYYQn), a half-year (YYYYSn), nine months
/// (YYYY9M), a year (YYYY) or a custom range (YYYYMMDD-YYYYMMDD, thematic and ad hoc rounds). Written by name.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    HalfYear,
    NineMonths,
    Year,
    Custom,
}

public static class PeriodKinds
{
    /// <summary>The kind of the periods of a regime reporting at <paramref name="frequency"/> (Forms' <c>Frequency</c>,
    /// whose members are named like this enum's): Custom when there is none (thematic and ad hoc rounds).</summary>
    public static PeriodKind Of<TFrequency>(TFrequency? frequency) where TFrequency : struct, Enum =>
        frequency is { } f ? Enum.Parse<PeriodKind>(f.ToString()) : PeriodKind.Custom;
}

/// <summary>A period by code (YYYYMM, YYYYQn, YYYYSn, YYYY9M, YYYY, YYYYMMDD-YYYYMMDD) with its data window under a
/// rule ("decree09" or "calendar") and its due date (day <paramref name="DueDay"/> of the last month unless
/// <paramref name="DueDaysAfterWindow"/> or <paramref name="ExplicitDueDate"/> is given). Null for an invalid code.</summary>
public sealed record GetPeriodInfo(string Code, string Rule = "decree09", int? DueDay = 20, int? DueDaysAfterWindow = null, DateOnly? ExplicitDueDate = null)
    : IQuery<PeriodInfo?>;

public sealed record PeriodInfo(string Code, PeriodKind Kind, DateOnly Start, DateOnly End, DateOnly CutOffStart, DateOnly CutOffEnd,
    DateOnly DueDate, DateOnly DueDateUnshifted, string? ShiftReason, string? Warning);

/// <summary>The periods a value of <paramref name="Code"/> is compared or added up with: the previous period, the same
/// period last year, and the periods of the year up to this one. Null for an invalid code.</summary>
public sealed record GetRelatedPeriods(string Code) : IQuery<RelatedPeriods?>;

public sealed record RelatedPeriods(string Code, string? Previous, string SameLastYear, IReadOnlyList<string> YearToDate);

/// <summary>Whether a regime's period accepts a report sent at <paramref name="At"/> (Đ14.4): before its reception opens it
/// does not; after it closes it does not, or does but marks it late, as the regime says.</summary>
public sealed record CheckReception(string RegimeCode, string Period, DateTimeOffset At) : IQuery<ReceptionDecision>;

/// <param name="MarkLate">Accepted after reception closed: late whatever the due date says.</param>
/// <param name="Reason">Why it is refused or marked late, in Vietnamese.</param>
public sealed record ReceptionDecision(bool Accepted, bool MarkLate, string? Reason);

/// <summary>The periods from <paramref name="From"/> to <paramref name="To"/> (codes of the same kind), in order, each
/// with its calendar days and the shorter periods it is made of, for series over time. Null when a code is invalid, the
/// kinds differ, <paramref name="From"/> is after <paramref name="To"/>, a custom range is not a single period, or there are
/// more than 240 periods.</summary>
public sealed record ListPeriods(string From, string To) : IQuery<IReadOnlyList<PeriodSpan>?>;

/// <param name="Parts">The shorter periods the period is made of, finest first: its months, then its quarters, then its
/// half-years (empty for a month or a custom range).</param>
public sealed record PeriodSpan(string Code, PeriodKind Kind, DateOnly Start, DateOnly End, IReadOnlyList<IReadOnlyList<string>> Parts);

/// <summary>How complete and timely a regime's reports are for each period asked (the reports owed as planned by the
/// reminders), for dashboards: owed, sent on time, sent late, not sent. Not scope-filtered: counts only.</summary>
public sealed record GetReportingCompleteness(string RegimeCode, IReadOnlyList<string> Periods) : IQuery<IReadOnlyList<PeriodCompleteness>>;

public sealed record PeriodCompleteness(string Period, int Expected, int OnTime, int Late, int Missing);
