using BaoCao.Accounts.Contracts;
using BaoCao.SharedKernel.Email;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Workflow.Notifications;

/// <summary>
/// E-mails a notification to its recipient once its step committed (delivered by the outbox). A sent one is not sent
/// again when the message is redelivered; without an address or an SMTP server the reason is recorded; an SMTP failure
/// is recorded and thrown, so the outbox retries it with backoff.
/// </summary>
internal sealed class EmailNotifications(WorkflowDbContext db, ISender sender, IEmailSender email, TimeProvider clock, IConfiguration configuration)
    : INotificationHandler<NotificationCreated>
{
    public async ValueTask Handle(NotificationCreated message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == message.NotificationId, cancellationToken);
        if (notification is null || notification.EmailStatus is EmailStatus.Sent or EmailStatus.NoAddress or EmailStatus.NotConfigured)
            return;
        var contact = await sender.Send(new GetAccountContact(notification.Recipient), cancellationToken);
        if (contact?.Email is not { Length: > 0 } address)
        {
            notification.Emailed(EmailStatus.NoAddress, "Tài khoản không có địa chỉ thư điện tử.", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var link = (configuration["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/') + notification.Link;
        var outcome = await email.SendAsync(new EmailMessage([address], $"[BaoCao] {notification.Title}",
            $"Kính gửi {contact.DisplayName},\n\n{notification.Body}\n\nXem chi tiết: {link}\n\nThư này do Hệ thống thông tin báo cáo gửi tự động; vui lòng không trả lời."),
            cancellationToken);
        notification.Emailed(outcome.Delivery switch
        {
            EmailDelivery.Sent => EmailStatus.Sent,
            EmailDelivery.NotConfigured => EmailStatus.NotConfigured,
            _ => EmailStatus.Failed,
        }, outcome.Error, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (outcome.Delivery == EmailDelivery.Failed)
            throw new InvalidOperationException($"Gửi thư thông báo {notification.Id} không thành công: {outcome.Error}");
    }
}
