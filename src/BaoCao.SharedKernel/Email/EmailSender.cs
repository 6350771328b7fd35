namespace BaoCao.SharedKernel.Email;

/// <param name="To">Recipients' addresses.</param>
/// <param name="Subject">Vietnamese subject line.</param>
/// <param name="TextBody">Plain-text body (every mail client shows it; no tracking, no remote content).</param>
/// <param name="Attachments">Files sent with the message, exactly as given.</param>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string TextBody, IReadOnlyList<string>? Cc = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public enum EmailDelivery
{
    Sent,
    NotConfigured,
    Failed,
}

/// <param name="Error">Why it was not sent, in Vietnamese, for the delivery log.</param>
public sealed record EmailOutcome(EmailDelivery Delivery, string? Error = null);

public interface IEmailSender
{
    /// <summary>Sends one message. Never throws for delivery problems: the outcome says what happened, so callers
    /// record it (a ledger, a log) and retry on their own terms.</summary>
    Task<EmailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
