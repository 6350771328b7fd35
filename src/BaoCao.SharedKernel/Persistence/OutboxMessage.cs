using System.Text.Json;
using Mediator;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// A notification written in the same transaction as the change it announces. The dispatcher publishes it
/// after commit and marks it done, so a crash between commit and publishing delays it but never loses it.
/// Delivery is at least once: subscribers are idempotent.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public long Id { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; internal set; }
    public DateTimeOffset? LockedUntil { get; internal set; }
    public int Attempts { get; internal set; }
    public string? LastError { get; internal set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage For(INotification notification, DateTimeOffset occurredAt)
    {
        var type = notification.GetType();
        return new OutboxMessage
        {
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(notification, type, Json),
            OccurredAt = occurredAt,
        };
    }

    /// <summary>The notification, or null when its type no longer exists (a renamed contract).</summary>
    public INotification? ToNotification()
    {
        var type = System.Type.GetType(Type, throwOnError: false);
        if (type is null || !typeof(INotification).IsAssignableFrom(type))
            return null;
        return (INotification?)JsonSerializer.Deserialize(Payload, type, Json);
    }
}
