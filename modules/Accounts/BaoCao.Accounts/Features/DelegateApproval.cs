using System.Security.Claims;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using BaoCao.SharedKernel.Time;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>A leader delegates approval of chosen forms of the unit to a data-entry officer of that unit until a
/// date, lists the delegations they gave or received, and revokes one.</summary>
internal static class DelegateApproval
{
    internal sealed record Delegate(string UnitCode, string ToUserName, IReadOnlyList<string>? Forms, DateOnly? Until)
        : ICommand<Result<Guid>>, IRequireAccess
    {
        // Only someone who approves the unit's data by role may hand that on.
        string IRequireAccess.Permission => Permissions.ApproveData;
        string? IRequireAccess.UnitCode => UnitCode;
    }

    internal sealed record Mine : IQuery<Result<IReadOnlyList<Row>>>;

    internal sealed record Row(Guid Id, string From, string To, string UnitCode, IReadOnlyList<string> Forms, DateOnly Until, bool Active);

    internal sealed record Revoke(Guid Id) : ICommand<Result>;

    internal sealed class DelegateValidator : AbstractValidator<Delegate>
    {
        public DelegateValidator(TimeProvider clock)
        {
            RuleFor(d => d.UnitCode).NotEmpty().WithMessage("Cần chọn đơn vị ủy quyền duyệt.");
            RuleFor(d => d.ToUserName).NotEmpty().WithMessage("Cần chọn người được ủy quyền.");
            RuleFor(d => d.Forms).NotEmpty().WithMessage("Cần chọn ít nhất một biểu mẫu được ủy quyền duyệt.");
            RuleFor(d => d.Until).NotNull().WithMessage("Cần chọn ngày hết hạn ủy quyền.")
                .Must(u => u >= VietnamTime.Today(clock)).WithMessage("Ngày hết hạn ủy quyền không được ở quá khứ.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, ICurrentUser user, ILookupNormalizer normalizer, TimeProvider clock)
        : ICommandHandler<Delegate, Result<Guid>>, IQueryHandler<Mine, Result<IReadOnlyList<Row>>>, ICommandHandler<Revoke, Result>
    {
        public async ValueTask<Result<Guid>> Handle(Delegate command, CancellationToken cancellationToken)
        {
            var me = await MeAsync(cancellationToken);
            var unit = await db.Units.SingleAsync(u => u.Code == command.UnitCode, cancellationToken);
            var normalized = normalizer.NormalizeName(command.ToUserName);
            var officer = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized && a.Status == AccountStatus.Active, cancellationToken);
            var entersHere = officer is not null && await db.RoleGrants.AnyAsync(g => g.AccountId == officer.Id && g.Role == Roles.DataEntry && g.UnitId == unit.Id, cancellationToken);
            if (me is null || officer is null || !entersHere)
                return Result<Guid>.Invalid("Chỉ ủy quyền được cho cán bộ nhập liệu của chính đơn vị này.", "toUserName");
            var delegation = Domain.Delegation.Create(me.Id, officer.Id, unit.Id, command.Forms!, command.Until!.Value, clock.GetUtcNow());
            db.Delegations.Add(delegation);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.GrantChanged, officer.UserName!, user.RemoteAddress, clock.GetUtcNow(),
                $"{me.UserName}: ủy quyền duyệt {delegation.Forms} của {unit.Code} đến hết {delegation.Until:dd/MM/yyyy}"));
            await db.SaveChangesAsync(cancellationToken);
            return delegation.Id;
        }

        public async ValueTask<Result<IReadOnlyList<Row>>> Handle(Mine query, CancellationToken cancellationToken)
        {
            var me = await MeAsync(cancellationToken);
            if (me is null)
                return Result<IReadOnlyList<Row>>.From(Result.Unauthorized());
            var today = VietnamTime.Today(clock);
            var rows = await (from d in db.Delegations
                              join giver in db.Accounts on d.FromAccountId equals giver.Id
                              join receiver in db.Accounts on d.ToAccountId equals receiver.Id
                              join unit in db.Units on d.UnitId equals unit.Id
                              where d.FromAccountId == me.Id || d.ToAccountId == me.Id
                              orderby d.CreatedAt descending
                              select new { d, From = giver.UserName, To = receiver.UserName, unit.Code }).ToListAsync(cancellationToken);
            return Result.Ok<IReadOnlyList<Row>>([.. rows.Select(r => new Row(r.d.Id, r.From!, r.To!, r.Code, r.d.Forms.Split(','), r.d.Until, r.d.IsActiveOn(today)))]);
        }

        public async ValueTask<Result> Handle(Revoke command, CancellationToken cancellationToken)
        {
            var me = await MeAsync(cancellationToken);
            var delegation = me is null ? null : await db.Delegations.SingleOrDefaultAsync(d => d.Id == command.Id && d.FromAccountId == me.Id, cancellationToken);
            if (delegation is null)
                return Result.NotFound("Không tìm thấy ủy quyền do bạn cấp.");
            delegation.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        private Task<Account?> MeAsync(CancellationToken cancellationToken) =>
            user.UserName is { } name
                ? db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalizer.NormalizeName(name), cancellationToken)
                : Task.FromResult<Account?>(null);
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var delegations = app.MapGroup("/api/accounts/delegations").WithTags("Tài khoản");
            delegations.MapPost("", async (Delegate command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Ủy quyền duyệt số liệu của biểu mẫu cho cán bộ nhập liệu");
            delegations.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new Mine(), ct)).ToHttpResult())
                .WithSummary("Các ủy quyền tôi đã cấp hoặc được nhận");
            delegations.MapPost("/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new Revoke(id), ct)).ToHttpResult())
                .WithSummary("Thu hồi ủy quyền");
        }
    }
}
