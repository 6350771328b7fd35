using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace BaoCao.SharedKernel.Email;

/// <param name="To">Recipients' addresses.</param>
/// <param name="Subject">Vietnamese subject line.</param>
/// <param name="TextBody">Plain-text body (every mail client shows it; no tracking, no remote content).</param>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string TextBody, IReadOnlyList<string>? Cc = null);

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

/// <summary>SMTP through MailKit: <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:UseTls</c> (false: STARTTLS when
/// offered; true: TLS on connect), <c>Smtp:UserName</c>, <c>Smtp:Password</c>, <c>Smtp:From</c>. Without a host
/// nothing is sent and the outcome says so.</summary>
public sealed class SmtpEmailSender(IConfiguration configuration, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task<EmailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var host = configuration["Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
            return new EmailOutcome(EmailDelivery.NotConfigured, "Chưa cấu hình máy chủ thư (Smtp:Host) nên thư chưa được gửi.");
        try
        {
            var mime = new MimeMessage();
            mime.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] ?? "baocao@localhost"));
            foreach (var to in message.To)
                mime.To.Add(MailboxAddress.Parse(to));
            foreach (var cc in message.Cc ?? [])
                mime.Cc.Add(MailboxAddress.Parse(cc));
            mime.Subject = message.Subject;
            mime.Body = new TextPart("plain") { Text = message.TextBody };

            using var client = new SmtpClient { Timeout = 30_000 };
            var useTls = configuration.GetValue("Smtp:UseTls", false);
            await client.ConnectAsync(host, configuration.GetValue("Smtp:Port", 25),
                useTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (configuration["Smtp:UserName"] is { Length: > 0 } userName)
                await client.AuthenticateAsync(userName, configuration["Smtp:Password"] ?? "", cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new EmailOutcome(EmailDelivery.Sent);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Sending e-mail '{Subject}' failed", message.Subject);
            return new EmailOutcome(EmailDelivery.Failed, $"Gửi thư không thành công: {exception.Message}");
        }
    }
}
