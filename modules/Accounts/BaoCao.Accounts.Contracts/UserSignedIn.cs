using Mediator;

namespace BaoCao.Accounts.Contracts;

/// <summary>Someone signed in. <paramref name="EventId"/> lets subscribers ignore a redelivery.</summary>
public sealed record UserSignedIn(Guid EventId, string UserName, DateTimeOffset At) : INotification;
