using Mediator;

namespace BaoCao.Deadlines.Contracts;

/// <summary>Whether civil servants work on <paramref name="Date"/> (Vietnamese calendar day).</summary>
public sealed record IsWorkingDay(DateOnly Date) : IQuery<bool>;

/// <summary>The working day <paramref name="Days"/> working days after <paramref name="From"/> (before it when negative);
/// e.g. the one-working-day deadline of an account request (Đ9).</summary>
public sealed record AddWorkingDays(DateOnly From, int Days) : IQuery<DateOnly>;

/// <summary>The first working day on or after <paramref name="Date"/> (a deadline that falls on a day off moves there).</summary>
public sealed record NextWorkingDay(DateOnly Date) : IQuery<DateOnly>;
