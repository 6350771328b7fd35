namespace BaoCao.Workflow.Domain;

/// <summary>How the e-mail copy of a notification went: waiting for the outbox, sent, or why not.</summary>
internal enum EmailStatus { Pending, Sent, NotConfigured, NoAddress, Failed }

/// <summary>A message to one person about their work — data or a report approved, returned, reopened, received — shown in
/// the app and e-mailed. Written in the transaction of the step it reports, so neither exists without the other.</summary>
internal sealed class Notification
{
    private Notification() { }

    public Notification(string recipient, string title, string body, string link, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Recipient = recipient;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = at;
        EmailStatus = EmailStatus.Pending;
    }

    public Guid Id { get; private set; }
    public string Recipient { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public EmailStatus EmailStatus { get; private set; }
    public string? EmailError { get; private set; }
    public DateTimeOffset? EmailedAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void Emailed(EmailStatus status, string? error, DateTimeOffset at) => (EmailStatus, EmailError, EmailedAt) = (status, error, at);
}

/// <summary>The outbox message that sends a notification's e-mail after its transaction committed.</summary>
internal sealed record NotificationCreated(Guid NotificationId) : INotification;
