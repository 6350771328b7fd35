using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Forms.Features;

/// <summary>
/// The form's designer says which units report it, from a day, and stops a unit from a day (a merged commune stops;
/// its successor starts). Which accounts of a unit enter the form is a grant in Accounts (DataEntry with the form's
/// code), so one place decides who may do what.
/// </summary>
internal static class AssignForm
{
    internal sealed record Assign(string Code, IReadOnlyList<string>? Units, DateOnly? From) : ICommand<Result<int>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed record End(string Code, string Unit, DateOnly? LastDay) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageForms;
        bool IRequireAccess.NarrowedByHandler => true;
    }

    internal sealed class AssignValidator : AbstractValidator<Assign>
    {
        public AssignValidator()
        {
            RuleFor(c => c.Units).Must(u => u is { Count: > 0 and <= 5000 }).WithMessage("Cần chọn từ 1 đến 5.000 đơn vị báo cáo.");
            RuleFor(c => c.From).NotNull().WithMessage("Cần nhập ngày bắt đầu báo cáo.");
        }
    }

    internal sealed class EndValidator : AbstractValidator<End>
    {
        public EndValidator() => RuleFor(c => c.LastDay).NotNull().WithMessage("Cần nhập ngày cuối cùng đơn vị báo cáo biểu mẫu này.");
    }

    internal sealed class Handler(FormsDbContext db, ISender sender) : ICommandHandler<Assign, Result<int>>, ICommandHandler<End, Result>
    {
        public async ValueTask<Result<int>> Handle(Assign command, CancellationToken cancellationToken)
        {
            var (form, refused) = await Ownership.FindFormAsync(db, sender, command.Code, tracked: false, cancellationToken);
            if (form is null)
                return Result<int>.From(refused!);
            var units = (await sender.Send(new ListAllUnits(), cancellationToken)).ToDictionary(u => u.Code);
            var errors = new List<ResultError>();
            var wanted = command.Units!.Select(u => Codes.Normalize(u)).Distinct().ToList();
            foreach (var code in wanted)
            {
                if (!units.TryGetValue(code, out var unit) || (unit.ValidTo is { } end && end < command.From))
                    errors.Add(new($"Không có đơn vị mã '{code}' hoạt động từ ngày {command.From:dd/MM/yyyy}.", "units"));
            }
            if (errors.Count > 0)
                return Result<int>.Invalid(errors);
            var existing = await db.Assignments.Where(a => a.FormCode == form.Code).ToListAsync(cancellationToken);
            var added = 0;
            foreach (var code in wanted.Where(c => !existing.Any(a => a.UnitCode == c && (a.Until is null || a.Until >= command.From))))
            {
                db.Assignments.Add(new Assignment(form.Code, code, command.From!.Value));
                added++;
            }
            await db.SaveChangesAsync(cancellationToken);
            return added;
        }

        public async ValueTask<Result> Handle(End command, CancellationToken cancellationToken)
        {
            var (form, refused) = await Ownership.FindFormAsync(db, sender, command.Code, tracked: false, cancellationToken);
            if (form is null)
                return refused!;
            var unit = Codes.Normalize(command.Unit);
            var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.FormCode == form.Code && a.UnitCode == unit && a.Until == null, cancellationToken);
            if (assignment is null)
                return Result.NotFound($"Đơn vị {unit} không đang báo cáo biểu mẫu {form.Code}.");
            if (command.LastDay < assignment.From)
                return Result.Invalid($"Ngày cuối cùng không được trước ngày bắt đầu ({assignment.From:dd/MM/yyyy}).", "lastDay");
            assignment.End(command.LastDay!.Value);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var forms = app.MapGroup("/api/forms").WithTags("Biểu mẫu");
            forms.MapPost("/{code}/assignments", async (string code, AssignBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Assign(code, body.Units, body.From), ct)).ToHttpResult(added => Results.Ok(new { added })))
                .WithSummary("Giao biểu mẫu cho các đơn vị báo cáo từ một ngày");
            forms.MapPost("/{code}/assignments/{unit}/end", async (string code, string unit, EndBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new End(code, unit, body.LastDay), ct)).ToHttpResult())
                .WithSummary("Thôi giao biểu mẫu cho một đơn vị từ sau một ngày");
        }
    }

    internal sealed record AssignBody(IReadOnlyList<string>? Units, DateOnly? From);

    internal sealed record EndBody(DateOnly? LastDay);
}
