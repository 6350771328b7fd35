using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.Deadlines.Contracts;
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

/// <summary>
/// A unit's leader or administrator records the unit's written request (document number and date) to issue,
/// change, suspend or terminate an account. The deadline is one working day after receipt, computed with the
/// working-day calendar of the Deadlines module: the end of the next working day (Asia/Ho_Chi_Minh).
/// </summary>
internal static class FileAccountRequest
{
    internal sealed record Command(string UnitCode, AccountRequestKind? Kind, string DocumentNumber, DateOnly? DocumentDate,
        string UserName, string? DisplayName, string? Email, string? Role, string? GrantUnitCode, bool IncludeSubUnits, string? Note)
        : ICommand<Result<Filed>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.RequestAccounts;
        string? IRequireAccess.UnitCode => UnitCode;
    }

    internal sealed record Filed(Guid Id, DateTimeOffset ReceivedAt, DateTimeOffset DueAt);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Cần chọn đơn vị đề nghị.");
            RuleFor(c => c.Kind).NotNull().WithMessage("Cần chọn loại đề nghị: cấp mới, thay đổi, tạm dừng hoặc chấm dứt.");
            RuleFor(c => c.DocumentNumber).NotEmpty().WithMessage("Cần nhập số văn bản đề nghị.").MaximumLength(100).WithMessage("Số văn bản dài quá 100 ký tự.");
            RuleFor(c => c.DocumentDate).NotNull().WithMessage("Cần nhập ngày văn bản.");
            RuleFor(c => c.UserName).NotEmpty().WithMessage("Cần nhập tên đăng nhập.")
                .Matches("^[a-zA-Z0-9._@-]{3,64}$").WithMessage("Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, @.");
            RuleFor(c => c.Note).MaximumLength(2000).WithMessage("Ghi chú dài quá 2000 ký tự.");
            When(c => c.Kind == AccountRequestKind.Create, () =>
            {
                RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Cần nhập họ và tên người được cấp tài khoản.").MaximumLength(200);
                RuleFor(c => c.Email).NotEmpty().WithMessage("Cần nhập thư điện tử công vụ để gửi đường dẫn đặt mật khẩu.")
                    .EmailAddress().WithMessage("Địa chỉ thư điện tử không hợp lệ.");
                RuleFor(c => c.Role).NotEmpty().WithMessage("Cần chọn vai trò.");
                RuleFor(c => c.GrantUnitCode).NotEmpty().WithMessage("Cần chọn đơn vị được phân quyền.");
            });
            RuleFor(c => c.DisplayName).NotLikeFormula();
            RuleFor(c => c.Email).EmailAddress().When(c => !string.IsNullOrEmpty(c.Email)).WithMessage("Địa chỉ thư điện tử không hợp lệ.");
            RuleFor(c => c.Role).Must(r => r is null or Roles.Administrator or Roles.Leader or Roles.DataEntry)
                .WithMessage($"Vai trò phải là một trong: {Roles.Administrator}, {Roles.Leader}, {Roles.DataEntry}.");
        }
    }

    internal sealed class Handler(AccountsDbContext db, ISender sender, ICurrentUser user, ILookupNormalizer normalizer, TimeProvider clock)
        : ICommandHandler<Command, Result<Filed>>
    {
        public async ValueTask<Result<Filed>> Handle(Command command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == command.UnitCode, cancellationToken);
            if (unit is null)
                return Result<Filed>.Invalid($"Không có đơn vị mã '{command.UnitCode}'.", "unitCode");
            Guid? grantUnitId = null;
            if (command.GrantUnitCode is { Length: > 0 } grantCode)
            {
                var grantUnit = await db.Units.SingleOrDefaultAsync(u => u.Code == grantCode, cancellationToken);
                if (grantUnit is null || !(grantUnit.Id == unit.Id || grantUnit.Path.StartsWith(unit.Path, StringComparison.Ordinal)))
                    return Result<Filed>.Invalid("Đơn vị được phân quyền phải là đơn vị đề nghị hoặc đơn vị trực thuộc.", "grantUnitCode");
                grantUnitId = grantUnit.Id;
            }
            var normalized = normalizer.NormalizeName(command.UserName.Trim());
            if (command.Kind == AccountRequestKind.Create && await db.Accounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
                return Result<Filed>.Invalid($"Tên đăng nhập '{command.UserName}' đã có người dùng. Hãy chọn tên khác.", "userName");
            // A unit files only for accounts wholly its own: the account's unit and every grant inside the unit's subtree.
            if (command.Kind != AccountRequestKind.Create && !await Security.Grants.InsideSubtree(db, unit.Path).AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
                return Result<Filed>.Invalid($"Không có tài khoản '{command.UserName}' thuộc trọn {unit.Name} (đơn vị và mọi quyền của tài khoản phải ở trong đơn vị đề nghị).", "userName");

            var received = clock.GetUtcNow();
            var dueDay = await sender.Send(new AddWorkingDays(VietnamTime.Today(clock), 1), cancellationToken);
            var request = AccountRequest.File(unit.Id, command.Kind!.Value, command.DocumentNumber, command.DocumentDate!.Value,
                command.UserName, command.DisplayName, command.Email, command.Role, grantUnitId, command.IncludeSubUnits, command.Note,
                user.UserName ?? "system", received, VietnamTime.EndOf(dueDay));
            db.AccountRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            return new Filed(request.Id, request.ReceivedAt, request.DueAt);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/accounts/requests", async (Command command, ISender sender, CancellationToken ct) =>
                    (await sender.Send(command, ct)).ToHttpResult())
                .WithTags("Tài khoản")
                .WithSummary("Ghi nhận văn bản đề nghị cấp, thay đổi, tạm dừng, chấm dứt tài khoản");
    }
}
