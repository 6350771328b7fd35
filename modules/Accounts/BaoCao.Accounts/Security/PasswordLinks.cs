using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Email;
using BaoCao.SharedKernel.Time;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Accounts.Security;

/// <summary>Issues a one-time set-password link and e-mails it to the account's official address; when no
/// mail could be sent the link is handed back so the office can deliver it by document (Đ9.3b).</summary>
internal sealed class PasswordLinks(AccountsDbContext db, IEmailSender email, TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    internal sealed record Issued(string Link, bool Emailed, string? EmailError);

    /// <summary>Adds the link to the context (the caller saves) and sends the e-mail after the save.</summary>
    public (SetPasswordLink Link, string Url) Create(Account account)
    {
        var (link, token) = SetPasswordLink.Issue(account.Id, clock.GetUtcNow(), Lifetime);
        db.SetPasswordLinks.Add(link);
        var baseUrl = (configuration["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');
        return (link, $"{baseUrl}/dat-mat-khau?token={token}");
    }

    public async Task<Issued> SendAsync(Account account, string url, bool newAccount, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(account.Email))
            return new Issued(url, false, "Tài khoản chưa có địa chỉ thư điện tử công vụ.");
        var expires = TimeZoneInfo.ConvertTime(clock.GetUtcNow() + Lifetime, VietnamTime.Zone);
        var subject = newAccount ? "[BaoCao] Tài khoản của bạn đã được cấp" : "[BaoCao] Đặt lại mật khẩu";
        var body = $"""
            Kính gửi {account.DisplayName},

            {(newAccount ? "Tài khoản của bạn trên Hệ thống thông tin báo cáo đã được cấp." : "Văn phòng UBND tỉnh đã cấp lại mật khẩu cho tài khoản của bạn.")}
            Tên đăng nhập: {account.UserName}

            Vui lòng đặt mật khẩu tại đường dẫn sau (chỉ dùng được một lần, hết hạn lúc {expires:HH:mm dd/MM/yyyy}):
            {url}

            Không chia sẻ đường dẫn hoặc mật khẩu cho người khác. Nếu bạn không đề nghị việc này, hãy báo ngay cho quản trị hệ thống.

            Hệ thống thông tin báo cáo
            """;
        var outcome = await email.SendAsync(new EmailMessage([account.Email], subject, body), cancellationToken);
        return outcome.Delivery == EmailDelivery.Sent ? new Issued(url, true, null) : new Issued(url, false, outcome.Error);
    }
}
