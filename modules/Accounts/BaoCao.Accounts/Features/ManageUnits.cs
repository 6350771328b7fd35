using BaoCao.Accounts.Contracts;
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

/// <summary>
/// An administrator keeps the unit tree current: adds a unit, renames it or updates its contacts (with the
/// version they saw: two administrators never overwrite each other), moves it, or merges it into a successor
/// (Resolution 202/2025: provinces and communes merged on 1 July 2025) — or undoes a merger entered by mistake. Every change
/// is kept in the unit's history; a merger and its undo are announced (outbox) so roll-ups follow and the audit trail has them.
/// </summary>
internal static class ManageUnits
{
    internal sealed record Create(string ParentCode, string Code, string Name, UnitKind? Kind, DateOnly? ValidFrom,
        string? OfficialEmail, string? LeaderEmail, string? AdministrativeCode) : ICommand<Result<string>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageUnits;
        string? IRequireAccess.UnitCode => ParentCode;
    }

    internal sealed record Update(string Code, string Name, string? OfficialEmail, string? LeaderEmail, string? AdministrativeCode, long Version)
        : ICommand<Result<long>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageUnits;
        string? IRequireAccess.UnitCode => Code;
    }

    internal sealed record Move(string Code, string NewParentCode) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageUnits;
        string? IRequireAccess.UnitCode => Code;
    }

    internal sealed record Merge(string Code, string SuccessorCode, DateOnly? LastDay) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageUnits;
        string? IRequireAccess.UnitCode => Code;
    }

    /// <summary>Undoes a merger: the unit is valid again under its former parent. A province-level decision (it rewrites
    /// which unit reported what), so only a province administrator, with a reason.</summary>
    internal sealed record UndoMerge(string Code, string? Reason) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageUnits;
        string? IRequireAccess.UnitCode => Code;
    }

    internal sealed class CreateValidator : AbstractValidator<Create>
    {
        public CreateValidator()
        {
            RuleFor(c => c.ParentCode).NotEmpty().WithMessage("Cần chọn đơn vị cấp trên (đơn vị mới nằm dưới một đơn vị của tỉnh).");
            RuleFor(c => c.Code).NotEmpty().WithMessage("Cần nhập mã đơn vị.")
                .Matches("^[A-Z0-9][A-Z0-9._-]{1,63}$").WithMessage("Mã đơn vị gồm 2–64 ký tự: chữ in hoa không dấu, số, dấu chấm, gạch ngang.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên đơn vị.").MaximumLength(300).WithMessage("Tên đơn vị dài quá 300 ký tự.").NotLikeFormula();
            RuleFor(c => c.Kind).NotNull().WithMessage("Cần chọn loại đơn vị.");
            RuleFor(c => c.ValidFrom).NotNull().WithMessage("Cần nhập ngày bắt đầu hoạt động.");
            RuleFor(c => c.OfficialEmail).EmailAddress().When(c => !string.IsNullOrEmpty(c.OfficialEmail)).WithMessage("Thư điện tử công vụ không hợp lệ.");
            RuleFor(c => c.LeaderEmail).EmailAddress().When(c => !string.IsNullOrEmpty(c.LeaderEmail)).WithMessage("Thư điện tử của lãnh đạo không hợp lệ.");
            RuleFor(c => c.AdministrativeCode).Matches(@"^\d{2,5}$").When(c => !string.IsNullOrEmpty(c.AdministrativeCode))
                .WithMessage("Mã đơn vị hành chính gồm 2–5 chữ số theo Danh mục đơn vị hành chính Việt Nam (ví dụ 37: tỉnh Ninh Bình).");
        }
    }

    internal sealed class UpdateValidator : AbstractValidator<Update>
    {
        public UpdateValidator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên đơn vị.").MaximumLength(300).WithMessage("Tên đơn vị dài quá 300 ký tự.").NotLikeFormula();
            RuleFor(c => c.OfficialEmail).EmailAddress().When(c => !string.IsNullOrEmpty(c.OfficialEmail)).WithMessage("Thư điện tử công vụ không hợp lệ.");
            RuleFor(c => c.LeaderEmail).EmailAddress().When(c => !string.IsNullOrEmpty(c.LeaderEmail)).WithMessage("Thư điện tử của lãnh đạo không hợp lệ.");
            RuleFor(c => c.AdministrativeCode).Matches(@"^\d{2,5}$").When(c => !string.IsNullOrEmpty(c.AdministrativeCode))
                .WithMessage("Mã đơn vị hành chính gồm 2–5 chữ số theo Danh mục đơn vị hành chính Việt Nam (ví dụ 37: tỉnh Ninh Bình).");
        }
    }

    internal sealed class MergeValidator : AbstractValidator<Merge>
    {
        public MergeValidator() => RuleFor(c => c.LastDay).NotNull().WithMessage("Cần nhập ngày cuối cùng đơn vị còn hoạt động.");
    }

    internal sealed class UndoMergeValidator : AbstractValidator<UndoMerge>
    {
        public UndoMergeValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Cần nêu lý do hủy sáp nhập.")
            .MaximumLength(450).WithMessage("Lý do dài quá 450 ký tự.");
    }

    internal sealed class Handler(AccountsDbContext db, IAccessPolicy access, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Create, Result<string>>, ICommandHandler<Update, Result<long>>, ICommandHandler<Move, Result>, ICommandHandler<Merge, Result>,
          ICommandHandler<UndoMerge, Result>
    {
        private string By => user.UserName ?? "system";

        public async ValueTask<Result<string>> Handle(Create command, CancellationToken cancellationToken)
        {
            var parent = await db.Units.SingleAsync(u => u.Code == command.ParentCode, cancellationToken);
            if (await db.Units.AnyAsync(u => u.Code == command.Code, cancellationToken))
                return Result<string>.Invalid($"Mã đơn vị '{command.Code}' đã được dùng.", "code");
            var unit = Unit.Create(command.Code, command.Name, command.Kind!.Value, parent, command.ValidFrom!.Value,
                command.OfficialEmail, command.LeaderEmail, command.AdministrativeCode);
            db.Units.Add(unit);
            db.UnitChanges.Add(UnitChange.Of(unit, UnitChangeKind.Created, null, $"{unit.Name} ({parent.Code})", clock.GetUtcNow(), By));
            await db.SaveChangesAsync(cancellationToken);
            return unit.Code;
        }

        public async ValueTask<Result<long>> Handle(Update command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.SingleAsync(u => u.Code == command.Code, cancellationToken);
            db.ExpectVersion(unit, command.Version);
            var now = clock.GetUtcNow();
            if (unit.Name != command.Name.Trim())
            {
                db.UnitChanges.Add(UnitChange.Of(unit, UnitChangeKind.Renamed, unit.Name, command.Name.Trim(), now, By));
                unit.Rename(command.Name);
            }
            var before = $"{unit.OfficialEmail}; {unit.LeaderEmail}; {unit.AdministrativeCode}";
            unit.UpdateContacts(command.OfficialEmail, command.LeaderEmail, command.AdministrativeCode);
            var after = $"{unit.OfficialEmail}; {unit.LeaderEmail}; {unit.AdministrativeCode}";
            if (before != after)
                db.UnitChanges.Add(UnitChange.Of(unit, UnitChangeKind.ContactsChanged, before, after, now, By));
            await db.SaveChangesAsync(cancellationToken); // a stale version throws: 409 for the second administrator
            return unit.Version;
        }

        public async ValueTask<Result> Handle(Move command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.SingleAsync(u => u.Code == command.Code, cancellationToken);
            var parent = await db.Units.SingleOrDefaultAsync(u => u.Code == command.NewParentCode, cancellationToken);
            if (parent is null || !(await access.CheckAsync(user, Permissions.ManageUnits, parent.Code, cancellationToken)).Allowed)
                return Result.Invalid("Không có đơn vị cấp trên này trong phạm vi bạn quản trị.", "newParentCode");
            if (parent.Path.StartsWith(unit.Path, StringComparison.Ordinal))
                return Result.Invalid("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị trực thuộc của nó.", "newParentCode");
            var oldParent = await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Code).SingleOrDefaultAsync(cancellationToken);
            await RerootAsync(unit, unit.MoveUnder(parent), cancellationToken);
            db.UnitChanges.Add(UnitChange.Of(unit, UnitChangeKind.Moved, oldParent, parent.Code, clock.GetUtcNow(), By));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result> Handle(Merge command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.SingleAsync(u => u.Code == command.Code, cancellationToken);
            var successor = await db.Units.SingleOrDefaultAsync(u => u.Code == command.SuccessorCode, cancellationToken);
            if (successor is null || successor.Id == unit.Id || successor.Path.StartsWith(unit.Path, StringComparison.Ordinal))
                return Result.Invalid("Đơn vị kế thừa phải là một đơn vị khác, không trực thuộc đơn vị bị sáp nhập.", "successorCode");
            if (!(await access.CheckAsync(user, Permissions.ManageUnits, successor.Code, cancellationToken)).Allowed)
                return Result.Invalid("Đơn vị kế thừa không thuộc phạm vi bạn quản trị.", "successorCode");
            if (unit.ValidTo is not null)
                return Result.Conflict("Đơn vị này đã ngừng hoạt động (đã sáp nhập hoặc giải thể).");
            var lastDay = command.LastDay!.Value;
            if (lastDay < unit.ValidFrom)
                return Result.Invalid("Ngày cuối cùng không được trước ngày bắt đầu hoạt động của đơn vị.", "lastDay");
            // The successor takes over the day after the last day: it must exist then, or the data would belong to no one.
            if (successor.ValidTo is { } successorEnd && successorEnd <= lastDay)
                return Result.Invalid($"Đơn vị kế thừa {successor.Name} ({successor.Code}) đã ngừng hoạt động từ sau ngày {successorEnd:dd/MM/yyyy}: không sáp nhập vào đơn vị đã đóng.", "successorCode");
            if (successor.ValidFrom > lastDay.AddDays(1))
                return Result.Invalid($"Đơn vị kế thừa {successor.Name} ({successor.Code}) chỉ bắt đầu hoạt động từ ngày {successor.ValidFrom:dd/MM/yyyy}: ngày cuối cùng của đơn vị bị sáp nhập phải là ngày {successor.ValidFrom.AddDays(-1):dd/MM/yyyy} hoặc sau đó.", "lastDay");
            var oldParent = await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Code).SingleOrDefaultAsync(cancellationToken);
            await RerootAsync(unit, unit.MergeInto(successor, lastDay), cancellationToken);
            var now = clock.GetUtcNow();
            // Before: the former parent, which an undo puts the unit back under.
            db.UnitChanges.Add(UnitChange.Of(unit, UnitChangeKind.Merged, oldParent, successor.Code, now, By));
            db.Publish(new UnitMergeChanged(Guid.NewGuid(), "merge", unit.Code, successor.Code, lastDay, By, user.RemoteAddress, now, null), now);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result> Handle(UndoMerge command, CancellationToken cancellationToken)
        {
            if (!(await access.CheckAsync(user, Permissions.ManageUnits, null, cancellationToken)).Allowed)
                return Result.Forbidden("Chỉ quản trị cấp tỉnh hủy sáp nhập đơn vị.");
            if (await db.Units.SingleOrDefaultAsync(u => u.Code == command.Code, cancellationToken) is not { } unit)
                return Result.NotFound($"Không có đơn vị mã '{command.Code}'.");
            if (unit.ValidTo is not { } lastDay || unit.SuccessorId is null)
                return Result.Conflict("Đơn vị này không ở trạng thái đã sáp nhập: không có gì để hủy.");
            var successor = await db.Units.SingleAsync(u => u.Id == unit.SuccessorId, cancellationToken);
            if (successor.ValidTo is not null)
                return Result.Conflict($"Đơn vị kế thừa {successor.Name} ({successor.Code}) cũng đã ngừng hoạt động: hãy hủy việc sáp nhập của đơn vị đó trước.");
            // The former parent as the merger recorded it; mergers recorded before it was kept (Before held the name) go
            // back under the successor's parent, where sibling units merged into one another came from.
            var merged = await db.UnitChanges.Where(c => c.UnitId == unit.Id && c.Kind == UnitChangeKind.Merged)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            var parent = merged?.Before is { } formerCode ? await db.Units.SingleOrDefaultAsync(u => u.Code == formerCode, cancellationToken) : null;
            parent ??= successor.ParentId is { } grandParent ? await db.Units.SingleAsync(u => u.Id == grandParent, cancellationToken) : null;
            if (parent is null || parent.ValidTo is not null)
                return Result.Conflict("Đơn vị cấp trên cũ đã ngừng hoạt động: hãy chuyển đơn vị sang đơn vị cấp trên khác sau khi sắp xếp lại cây đơn vị.");
            await RerootAsync(unit, unit.UndoMerge(parent), cancellationToken);
            var now = clock.GetUtcNow();
            var reason = command.Reason!.Trim();
            db.UnitChanges.Add(UnitChange.Of(unit, UnitChangeKind.MergeUndone, successor.Code, $"{parent.Code} · Lý do: {reason}", now, By));
            db.Publish(new UnitMergeChanged(Guid.NewGuid(), "undo", unit.Code, successor.Code, lastDay, By, user.RemoteAddress, now, reason), now);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        private async Task RerootAsync(Unit unit, string oldPath, CancellationToken cancellationToken)
        {
            var descendants = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(cancellationToken);
            foreach (var descendant in descendants)
                descendant.Reroot(oldPath, unit.Path);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var units = app.MapGroup("/api/units").WithTags("Đơn vị");
            units.MapPost("", async (Create command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Thêm đơn vị");
            units.MapPut("/{code}", async (string code, UpdateBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Update(code, body.Name ?? "", body.OfficialEmail, body.LeaderEmail, body.AdministrativeCode, body.Version), ct)).ToHttpResult())
                .WithSummary("Đổi tên, cập nhật địa chỉ liên hệ của đơn vị");
            units.MapPost("/{code}/move", async (string code, MoveBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Move(code, body.NewParentCode ?? ""), ct)).ToHttpResult())
                .WithSummary("Chuyển đơn vị sang đơn vị cấp trên khác");
            units.MapPost("/{code}/merge", async (string code, MergeBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Merge(code, body.SuccessorCode ?? "", body.LastDay), ct)).ToHttpResult())
                .WithSummary("Sáp nhập đơn vị vào đơn vị kế thừa");
            units.MapPost("/{code}/merge/undo", async (string code, UndoMergeBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new UndoMerge(code, body.Reason), ct)).ToHttpResult())
                .WithSummary("Hủy sáp nhập (quản trị cấp tỉnh, nêu lý do): đơn vị hoạt động trở lại dưới đơn vị cấp trên cũ");
        }
    }

    internal sealed record UpdateBody(string? Name, string? OfficialEmail, string? LeaderEmail, string? AdministrativeCode, long Version);

    internal sealed record MoveBody(string? NewParentCode);

    internal sealed record MergeBody(string? SuccessorCode, DateOnly? LastDay);

    internal sealed record UndoMergeBody(string? Reason);
}
