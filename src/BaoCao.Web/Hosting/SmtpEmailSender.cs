using BaoCao.SharedKernel.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BaoCao.Web.Hosting;

/// <summary>SMTP through MailKit: <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:UseTls</c> (false: STARTTLS when
/// offered; true: TLS on connect), <c>Smtp:UserName</c>, <c>Smtp:Password</c>, <c>Smtp:From</c>. Without a host
/// nothing is sent and the outcome says so. One connection is kept and reused, one message at a time, while messages
/// follow each other (a run of reminders is thousands of them; a new connection each costs more than the message);
/// one idle for longer than <see cref="IdleTime"/> is replaced by a new one.</summary>
internal sealed class SmtpEmailSender(IConfiguration configuration, ILogger<SmtpEmailSender> logger) : IEmailSender, IAsyncDisposable
{
    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;
    private DateTime _lastUsed;

    public async Task<EmailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var host = configuration["Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
            return new EmailOutcome(EmailDelivery.NotConfigured, "Chưa cấu hình máy chủ thư (Smtp:Host) nên thư chưa được gửi.");
        MimeMessage mime;
        try
        {
            mime = new MimeMessage();
            mime.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] ?? "baocao@localhost"));
            foreach (var to in message.To)
                mime.To.Add(MailboxAddress.Parse(to));
            foreach (var cc in message.Cc ?? [])
                mime.Cc.Add(MailboxAddress.Parse(cc));
            mime.Subject = message.Subject;
            var body = new BodyBuilder { TextBody = message.TextBody };
            foreach (var file in message.Attachments ?? [])
                body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
            mime.Body = body.ToMessageBody();
        }
        catch (ParseException exception)
        {
            return new EmailOutcome(EmailDelivery.Failed, $"Địa chỉ thư không hợp lệ: {exception.Message}");
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reused = _client is { IsConnected: true } && DateTime.UtcNow - _lastUsed < IdleTime;
            try
            {
                await SendOnceAsync(host, mime, reused, cancellationToken);
            }
            catch (Exception stale) when (reused && stale is IOException or ServiceNotConnectedException or SmtpProtocolException)
            {
                // The server closed the kept connection while it idled; that shows on the first command, before the message.
                logger.LogDebug(stale, "Kept SMTP connection was closed; connecting again");
                await SendOnceAsync(host, mime, reused: false, cancellationToken);
            }
            _lastUsed = DateTime.UtcNow;
            return new EmailOutcome(EmailDelivery.Sent);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Sending e-mail '{Subject}' failed", message.Subject);
            await DropAsync();
            return new EmailOutcome(EmailDelivery.Failed, $"Gửi thư không thành công: {exception.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendOnceAsync(string host, MimeMessage mime, bool reused, CancellationToken cancellationToken)
    {
        if (!reused)
        {
            await DropAsync();
            _client = new SmtpClient { Timeout = 30_000 };
            var useTls = configuration.GetValue("Smtp:UseTls", false);
            await _client.ConnectAsync(host, configuration.GetValue("Smtp:Port", 25),
                useTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (configuration["Smtp:UserName"] is { Length: > 0 } userName)
                await _client.AuthenticateAsync(userName, configuration["Smtp:Password"] ?? "", cancellationToken);
        }
        await _client!.SendAsync(mime, cancellationToken);
    }

    private async Task DropAsync()
    {
        if (_client is null)
            return;
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync(quit: true);
        }
        catch (Exception exception) when (exception is IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // Already gone.
        }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }
}
