using System.Net.Mail;
using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Accounts.Features;

/// <summary>
/// The first run of a province's install: <c>BaoCao.Web create-admin --user NAME --email ADDRESS [--name "Họ tên"]
/// [--province "Ủy ban nhân dân tỉnh …"]</c> migrates the database, creates the province's root unit when there is none,
/// and creates the province administrator (an Administrator grant on the root with its sub-units). It prints a one-time
/// set-password link — never a password — and e-mails it when SMTP is configured. The administrator then enrols
/// two-factor authentication at the first sign-in.
/// </summary>
internal static class CreateProvinceAdministrator
{
    public const string CommandName = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var args = Environment.GetCommandLineArgs();
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value && !value.StartsWith("--", StringComparison.Ordinal) ? value.Trim() : null;
        var userName = Option("--user");
        var email = Option("--email");
        if (userName is null || !System.Text.RegularExpressions.Regex.IsMatch(userName, "^[a-zA-Z0-9._@-]{3,64}$")
            || email is null || !MailAddress.TryCreate(email, out _))
        {
            await output.WriteLineAsync("Cách dùng: create-admin --user TÊN_ĐĂNG_NHẬP --email THƯ_CÔNG_VỤ [--name \"Họ và tên\"] [--province \"Tên tỉnh\"]");
            await output.WriteLineAsync("  Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, @; thư điện tử phải hợp lệ.");
            return 2;
        }

        await services.GetRequiredService<ModuleMigrator>().MigrateAsync(cancellationToken);
        var db = services.GetRequiredService<AccountsDbContext>();
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var clock = services.GetRequiredService<TimeProvider>();
        var normalized = normalizer.NormalizeName(userName);
        if (await db.Accounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
        {
            await output.WriteLineAsync($"Tên đăng nhập '{userName}' đã có. Để cấp lại mật khẩu, quản trị cấp tỉnh dùng chức năng \"Cấp lại mật khẩu\".");
            return 1;
        }

        var now = clock.GetUtcNow();
        var root = await db.Units.Where(u => u.ParentId == null && u.ValidTo == null).OrderBy(u => u.Code).FirstOrDefaultAsync(cancellationToken);
        if (root is null)
        {
            root = Unit.Create("UBND-TINH", Option("--province") ?? "Ủy ban nhân dân tỉnh", UnitKind.ProvincePeoplesCommittee, null, VietnamTime.Today(clock));
            db.Units.Add(root);
        }
        var account = new Account
        {
            Id = Guid.CreateVersion7(), UserName = userName, NormalizedUserName = normalized,
            Email = email, NormalizedEmail = normalizer.NormalizeEmail(email), EmailConfirmed = true,
            DisplayName = Option("--name") ?? "Quản trị hệ thống cấp tỉnh", UnitId = root.Id, CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        db.Accounts.Add(account);
        db.RoleGrants.Add(RoleGrant.Create(account.Id, SharedKernel.Security.Roles.Administrator, root.Id, includeSubUnits: true, now, "create-admin"));
        var links = services.GetRequiredService<PasswordLinks>();
        var link = links.Create(account);
        db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.AccountChanged, userName, null, now,
            $"create-admin: tạo quản trị cấp tỉnh tại {root.Code}"));
        await db.SaveChangesAsync(cancellationToken);

        var sent = await links.SendAsync(account, link.Url, newAccount: true, cancellationToken);
        await output.WriteLineAsync($"Đã tạo quản trị cấp tỉnh '{userName}' ({root.Name}).");
        await output.WriteLineAsync($"Đường dẫn đặt mật khẩu (dùng một lần, hết hạn sau {PasswordLinks.Lifetime.TotalHours:0} giờ):");
        await output.WriteLineAsync($"  {link.Url}");
        await output.WriteLineAsync(sent.Emailed ? $"Đường dẫn cũng đã gửi tới {email}." : "Chưa gửi được thư (kiểm tra cấu hình Email): hãy trao đường dẫn trực tiếp cho người nhận.");
        return 0;
    }
}
