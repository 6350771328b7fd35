using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>An administrator reads the security log, newest first, optionally for one user name.</summary>
internal static class ViewSecurityLog
{
    internal sealed record Query(string? UserName, int Page = 1, int PageSize = 50) : IQuery<Result<Response>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ViewSecurityLog;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record Entry(DateTimeOffset At, string Event, string UserName, string? RemoteAddress, string? Detail);

    internal sealed record Response(IReadOnlyList<Entry> Entries, int Total, int Page, int PageSize);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Số trang phải từ 1 trở lên.");
            RuleFor(q => q.PageSize).InclusiveBetween(1, 500).WithMessage("Số dòng mỗi trang phải từ 1 đến 500.");
            RuleFor(q => q.UserName).MaximumLength(256).WithMessage("Tên đăng nhập dài quá 256 ký tự.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, Grants grants) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            // Lines about the accounts of the administered units; attempts with names that match no account
            // only for administrators whose scope includes a root unit (the province).
            var administered = db.Units.Where(await grants.UnitScopeAsync(Permissions.ViewSecurityLog, cancellationToken));
            var names = (await grants.AdministeredAccountsAsync(Permissions.ViewSecurityLog, cancellationToken)).Select(a => a.UserName);
            var provinceWide = await administered.AnyAsync(u => u.ParentId == null, cancellationToken);
            var entries = db.SecurityLog.AsNoTracking()
                .Where(e => names.Contains(e.UserName) || (provinceWide && !db.Accounts.Any(a => a.UserName == e.UserName)));
            if (!string.IsNullOrWhiteSpace(query.UserName))
                entries = entries.Where(e => e.UserName == query.UserName.Trim());
            var total = await entries.CountAsync(cancellationToken);
            var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .Select(e => new Entry(e.At, e.Event.ToString(), e.UserName, e.RemoteAddress, e.Detail))
                .ToListAsync(cancellationToken);
            return new Response(page, total, query.Page, query.PageSize);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/accounts/security-log",
                    async (string? userName, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                        (await sender.Send(new Query(userName, page ?? 1, pageSize ?? 50), ct)).ToHttpResult())
                .RequireAuthorization(policy => policy.RequireRole(Roles.Administrator))
                .WithTags("Tài khoản")
                .WithSummary("Nhật ký bảo mật: đăng nhập thành công, thất bại, đăng xuất");
    }

    internal static string Describe(string @event) => Enum.TryParse<SecurityEvent>(@event, out var known)
        ? known switch
        {
            SecurityEvent.SignInSucceeded => "Đăng nhập thành công",
            SecurityEvent.SignInFailed => "Đăng nhập thất bại",
            SecurityEvent.SignInWhileLocked => "Đăng nhập khi tài khoản đang bị khóa",
            SecurityEvent.LockedOut => "Khóa tài khoản do nhập sai nhiều lần",
            SecurityEvent.TwoFactorRequired => "Mật khẩu đúng, chờ mã xác thực hai lớp",
            SecurityEvent.TwoFactorEnabled => "Bật xác thực hai lớp",
            SecurityEvent.TokenIssued => "Cấp mã truy cập API",
            SecurityEvent.TokenRevoked => "Thu hồi mã truy cập API",
            SecurityEvent.TokenUsed => "Dùng mã truy cập API",
            SecurityEvent.SignedOut => "Đăng xuất",
            SecurityEvent.AccountChanged => "Cấp, thay đổi, tạm dừng hoặc chấm dứt tài khoản",
            SecurityEvent.PasswordSet => "Đặt mật khẩu",
            SecurityEvent.GrantChanged => "Thay đổi quyền, ủy quyền",
            SecurityEvent.PasswordChanged => "Đổi mật khẩu",
            SecurityEvent.PasswordExpired => "Mật khẩu quá hạn, phải đổi trước khi vào hệ thống",
            SecurityEvent.DisabledForInactivity => "Tạm dừng do không sử dụng",
            SecurityEvent.PasswordLinkIssued => "Cấp đường dẫn đặt mật khẩu",
            _ => @event,
        }
        : @event;
}
