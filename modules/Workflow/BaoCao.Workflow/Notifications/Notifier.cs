using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Notifications;

/// <summary>Adds a notification for a person to the current unit of work, with the outbox message that e-mails it.</summary>
internal static class Notifier
{
    public static void Notify(WorkflowDbContext db, string? recipient, string title, string body, string link, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(recipient) || recipient == "system")
            return;
        var notification = new Notification(recipient, title, body, link, at);
        db.Notifications.Add(notification);
        db.Publish(new NotificationCreated(notification.Id), at);
    }
}
