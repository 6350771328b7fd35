using BaoCao.SharedKernel.Pipeline;
using BaoCao.Accounts.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Persistence;

namespace BaoCao.Indicators.Features;

/// <summary>
/// The province's shared lists behind the catalogue: units of measure, indicator groups (a sector → field tree) and
/// disaggregation categories with their options. Everyone signed in reads them; province-level administrators add
/// to them (a department's administrator cannot rename the province's "tỷ đồng").
/// </summary>
internal static class ManageLists
{
    internal sealed record GetLists : IQuery<Result<Lists>>;

    internal sealed record Lists(IReadOnlyList<UnitOfMeasureView> UnitsOfMeasure, IReadOnlyList<GroupView> Groups, IReadOnlyList<CategoryView> Categories);

    internal sealed record UnitOfMeasureView(string Code, string Name);

    internal sealed record GroupView(string Code, string Name, string? ParentCode);

    internal sealed record CategoryView(string Code, string Name, IReadOnlyList<OptionView> Options);

    internal sealed record OptionView(string Code, string Name);

    internal sealed record AddUnitOfMeasure(string? Code, string? Name) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
    }

    internal sealed record AddGroup(string? Code, string? Name, string? ParentCode) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
    }

    internal sealed record AddCategory(string? Code, string? Name, IReadOnlyList<OptionView>? Options) : ICommand<Result>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageIndicators;
    }

    internal sealed class AddUnitOfMeasureValidator : AbstractValidator<AddUnitOfMeasure>
    {
        public AddUnitOfMeasureValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Cần nhập mã đơn vị tính.")
                .Must(c => c is null || CatalogueSnapshot.CodePattern().IsMatch(c)).WithMessage("Mã gồm chữ in hoa không dấu, số, dấu gạch dưới.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên đơn vị tính.").MaximumLength(100).WithMessage("Tên đơn vị tính dài quá 100 ký tự.").NotLikeFormula();
        }
    }

    internal sealed class AddGroupValidator : AbstractValidator<AddGroup>
    {
        public AddGroupValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Cần nhập mã nhóm.")
                .Must(c => c is null || CatalogueSnapshot.CodePattern().IsMatch(c)).WithMessage("Mã gồm chữ in hoa không dấu, số, dấu chấm, gạch dưới.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên nhóm.").MaximumLength(300).WithMessage("Tên nhóm dài quá 300 ký tự.").NotLikeFormula();
        }
    }

    internal sealed class AddCategoryValidator : AbstractValidator<AddCategory>
    {
        public AddCategoryValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Cần nhập mã phân tổ.")
                .Must(c => c is null || CatalogueSnapshot.CodePattern().IsMatch(c)).WithMessage("Mã gồm chữ in hoa không dấu, số, dấu gạch dưới.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên phân tổ.").MaximumLength(200).WithMessage("Tên phân tổ dài quá 200 ký tự.").NotLikeFormula();
            RuleFor(c => c.Options).Must(o => o is { Count: >= 2 and <= 50 }).WithMessage("Một phân tổ có từ 2 đến 50 lựa chọn.");
            RuleForEach(c => c.Options).Must(o => o is not null && CatalogueSnapshot.CodePattern().IsMatch(o.Code ?? "") && !string.IsNullOrWhiteSpace(o.Name))
                .WithMessage("Mỗi lựa chọn cần mã (chữ in hoa không dấu, số) và tên.");
            RuleFor(c => c.Options).Must(o => o is null || o.Select(x => x?.Code).Distinct().Count() == o.Count)
                .WithMessage("Mã các lựa chọn không được trùng nhau.");
        }
    }

    internal sealed class Handler(IndicatorsDbContext db, ISender sender)
        : IQueryHandler<GetLists, Result<Lists>>, ICommandHandler<AddUnitOfMeasure, Result>, ICommandHandler<AddGroup, Result>, ICommandHandler<AddCategory, Result>
    {
        public async ValueTask<Result<Lists>> Handle(GetLists query, CancellationToken cancellationToken) => new Lists(
            await db.UnitsOfMeasure.OrderBy(u => u.Name).Select(u => new UnitOfMeasureView(u.Code, u.Name)).ToListAsync(cancellationToken),
            await db.Groups.OrderBy(g => g.ParentCode).ThenBy(g => g.Order).Select(g => new GroupView(g.Code, g.Name, g.ParentCode)).ToListAsync(cancellationToken),
            [.. (await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken))
                .Select(c => new CategoryView(c.Code, c.Name, [.. c.Options.OrderBy(o => o.Order).Select(o => new OptionView(o.Code, o.Name))]))]);

        public async ValueTask<Result> Handle(AddUnitOfMeasure command, CancellationToken cancellationToken)
        {
            if (await RefusedAsync(cancellationToken) is { } refused)
                return refused;
            if (await db.UnitsOfMeasure.AnyAsync(u => u.Code == command.Code, cancellationToken))
                return Result.Invalid($"Mã đơn vị tính '{command.Code}' đã có.", "code");
            db.UnitsOfMeasure.Add(new UnitOfMeasure(command.Code!, command.Name!));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result> Handle(AddGroup command, CancellationToken cancellationToken)
        {
            if (await RefusedAsync(cancellationToken) is { } refused)
                return refused;
            if (await db.Groups.AnyAsync(g => g.Code == command.Code, cancellationToken))
                return Result.Invalid($"Mã nhóm '{command.Code}' đã có.", "code");
            var parent = string.IsNullOrWhiteSpace(command.ParentCode) ? null : Codes.Normalize(command.ParentCode);
            if (parent is not null && !await db.Groups.AnyAsync(g => g.Code == parent, cancellationToken))
                return Result.Invalid($"Không có nhóm cha '{command.ParentCode}'.", "parentCode");
            var order = await db.Groups.CountAsync(g => g.ParentCode == parent, cancellationToken) + 1;
            db.Groups.Add(new IndicatorGroup(command.Code!, command.Name!, parent, order));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        public async ValueTask<Result> Handle(AddCategory command, CancellationToken cancellationToken)
        {
            if (await RefusedAsync(cancellationToken) is { } refused)
                return refused;
            if (await db.Categories.AnyAsync(c => c.Code == command.Code, cancellationToken))
                return Result.Invalid($"Mã phân tổ '{command.Code}' đã có.", "code");
            db.Categories.Add(new Category(command.Code!, command.Name!, command.Options!.Select(o => (o.Code, o.Name))));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }

        private async Task<Result?> RefusedAsync(CancellationToken cancellationToken) =>
            await sender.Send(new CheckProvinceWideAccess(Permissions.ManageIndicators), cancellationToken)
                ? null
                : Result.Forbidden("Chỉ quản trị hệ thống cấp tỉnh mới bổ sung danh mục dùng chung (đơn vị tính, nhóm, phân tổ).");
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var lists = app.MapGroup("/api/indicators").WithTags("Chỉ số");
            lists.MapGet("/lists", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetLists(), ct)).ToHttpResult())
                .WithSummary("Danh mục dùng chung: đơn vị tính, nhóm chỉ số, phân tổ");
            lists.MapPost("/units-of-measure", async (AddUnitOfMeasure command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Thêm đơn vị tính");
            lists.MapPost("/groups", async (AddGroup command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Thêm nhóm chỉ số");
            lists.MapPost("/disaggregations", async (AddCategory command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithSummary("Thêm phân tổ và các lựa chọn của nó");
        }
    }
}
