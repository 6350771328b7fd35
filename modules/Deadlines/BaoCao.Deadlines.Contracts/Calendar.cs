using Mediator;

namespace BaoCao.Deadlines.Contracts;

/// <summary>The province office replaced a year's holiday schedule or restored the official one: who, when, from where,
/// the dates that changed as they were and as they are now, and the reason (required to change a past year). The
/// Workflow module writes it to the audit trail; <paramref name="EventId"/> lets subscribers ignore a redelivery.</summary>
/// <param name="Action">"replace" (PUT) or "restore" (DELETE).</param>
/// <param name="Before">The changed dates as they were (or that nothing changed), in Vietnamese.</param>
/// <param name="After">The changed dates as they are now.</param>
public sealed record CalendarScheduleChanged(Guid EventId, int Year, string Action, string By, string? Address, DateTimeOffset At,
    string Before, string After, string? Reason) : INotification;
