using Mapster;
using BaoCao.Indicators.Contracts;
using BaoCao.Indicators.Domain;
using BaoCao.Indicators.Domain.Formulas;
using BaoCao.Indicators.Persistence;
using BaoCao.SharedKernel.Text;

namespace BaoCao.Indicators.Features;

/// <summary>
/// Anyone signed in browses the catalogue: search without caring for diacritics ("tang truong" finds "Tăng trưởng"),
/// filter by a group and its sub-groups, open an indicator to read its definition, version history, the inputs of its
/// formula and the computed indicators that use it.
/// </summary>
internal static class BrowseIndicators
{
    internal sealed record List(string? Search, string? Group, string? Status) : IQuery<Result<IReadOnlyList<IndicatorSummary>>>;

    internal sealed record Get(string Code) : IQuery<Result<IndicatorDetail>>;

    internal sealed record IndicatorSummary(string Code, string Name, string ShortName, string UnitOfMeasure, string ValueType,
        IndicatorStatus Status, IReadOnlyList<string> Groups, string OwnerUnit, bool Computed, string? Formula, int Version);

    internal sealed record IndicatorDetail(string Code, string Name, string ShortName, string? Description, string? Method,
        string UnitOfMeasure, string UnitOfMeasureName, string ValueType, int Precision, string AggregationAcrossUnits, string? WeightIndicator,
        string AggregationOverTime, string OwnerUnit, IReadOnlyList<string> Groups, IReadOnlyList<string> Disaggregations,
        IReadOnlyList<CombinationView> Combinations, string? Formula, IndicatorStatus Status, int Version, DateOnly ValidFrom, long ConcurrencyVersion,
        IReadOnlyList<string> Dependencies, IReadOnlyList<string> UsedBy, IReadOnlyList<VersionView> History);

    internal sealed record CombinationView(string Code, string Name);

    internal sealed record VersionView(int Number, DateOnly ValidFrom, DateOnly? ValidTo, DateTimeOffset ChangedAt, string ChangedBy,
        string? Note, string Name, string UnitOfMeasure, string? Formula, IReadOnlyList<string> Changes);

    internal sealed class Handler(IndicatorsDbContext db) : IQueryHandler<List, Result<IReadOnlyList<IndicatorSummary>>>, IQueryHandler<Get, Result<IndicatorDetail>>
    {
        public async ValueTask<Result<IReadOnlyList<IndicatorSummary>>> Handle(List query, CancellationToken cancellationToken)
        {
            var indicators = db.Indicators.AsNoTracking();
            var key = VietnameseText.SearchKey(query.Search);
            if (key.Length > 0)
                indicators = indicators.Where(i => i.SearchKey.Contains(key));
            if (Labels.Parse(query.Status, Labels.Statuses) is { } status)
                indicators = indicators.Where(i => i.Status == status);
            var found = await indicators.OrderBy(i => i.Code).Take(2000).ToListAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(query.Group))
            {
                var groups = await GroupSubtreeAsync(Codes.Normalize(query.Group), cancellationToken);
                found = [.. found.Where(i => i.Current.Definition.GroupCodes.Any(groups.Contains))];
            }
            return Result.Ok<IReadOnlyList<IndicatorSummary>>([.. found.Select(Summarize)]);
        }

        private static IndicatorSummary Summarize(Indicator indicator)
        {
            var d = indicator.Current.Definition;
            return new IndicatorSummary(indicator.Code, d.Name, d.ShortName, d.UnitOfMeasure, d.ValueType.ToString(), indicator.Status,
                d.GroupCodes, d.OwnerUnit, d.IsComputed, d.Formula, indicator.Current.Number);
        }

        public async ValueTask<Result<IndicatorDetail>> Handle(Get query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Code);
            var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
            if (indicator is null)
                return Result<IndicatorDetail>.NotFound($"Không có chỉ số mã '{query.Code}'.");
            var current = indicator.Current;
            var d = current.Definition;
            var unitName = await db.UnitsOfMeasure.Where(u => u.Code == d.UnitOfMeasure).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) ?? d.UnitOfMeasure;
            var categories = await db.Categories.AsNoTracking().Where(c => d.CategoryCodes.Contains(c.Code)).ToListAsync(cancellationToken);
            var ordered = d.CategoryCodes.Select(c => categories.SingleOrDefault(x => x.Code == c)).OfType<Category>().ToList();
            var usedBy = (await db.Indicators.AsNoTracking().Where(i => i.Code != code).ToListAsync(cancellationToken))
                .Where(i => i.Current.Definition.Formula is { } f && f.Contains(code, StringComparison.OrdinalIgnoreCase)
                    && InputsOf(f).Contains(code))
                .Select(i => i.Code).Order().ToList();
            var dependencies = d.Formula is { } formula ? InputsOf(formula) : [];
            var history = indicator.Versions.OrderByDescending(v => v.Number).Select(v => v.Adapt<VersionView>(IndicatorsMappings.Config) with
                { Changes = Differences(indicator.Versions.SingleOrDefault(p => p.Number == v.Number - 1)?.Definition, v.Definition) }).ToList();
            return new IndicatorDetail(indicator.Code, d.Name, d.ShortName, d.Description, d.Method, d.UnitOfMeasure, unitName, d.ValueType.ToString(),
                d.Precision, d.AcrossUnits.ToString(), d.WeightIndicator, d.OverTime.ToString(), d.OwnerUnit, d.GroupCodes, d.CategoryCodes,
                [.. Category.Combinations(ordered).Select(c => new CombinationView(c.Code, c.Name))], d.Formula, indicator.Status,
                current.Number, current.ValidFrom, indicator.Version, dependencies, usedBy, history);
        }

        private static List<string> InputsOf(string formula) => [.. (CompiledFormula.Compile(formula).Formula?.Codes ?? []).Order()];

        private async Task<HashSet<string>> GroupSubtreeAsync(string root, CancellationToken cancellationToken)
        {
            var all = await db.Groups.AsNoTracking().ToListAsync(cancellationToken);
            var subtree = new HashSet<string> { root };
            for (var added = true; added;)
            {
                added = false;
                foreach (var group in all.Where(g => g.ParentCode is not null && subtree.Contains(g.ParentCode) && !subtree.Contains(g.Code)))
                    added |= subtree.Add(group.Code);
            }
            return subtree;
        }

        /// <summary>What a version changed from the one before, in words.</summary>
        private static IReadOnlyList<string> Differences(IndicatorDefinition? before, IndicatorDefinition after)
        {
            if (before is null)
                return [];
            var changes = new List<string>();
            void Compare(string label, object? a, object? b)
            {
                if (!Equals(a, b))
                    changes.Add($"{label}: {a ?? "(trống)"} → {b ?? "(trống)"}");
            }
            Compare("Tên", before.Name, after.Name);
            Compare("Tên ngắn", before.ShortName, after.ShortName);
            Compare("Đơn vị tính", before.UnitOfMeasure, after.UnitOfMeasure);
            Compare("Kiểu giá trị", Labels.ValueTypes[before.ValueType], Labels.ValueTypes[after.ValueType]);
            Compare("Số chữ số thập phân", before.Precision, after.Precision);
            Compare("Tổng hợp theo đơn vị", Labels.AcrossUnits[before.AcrossUnits], Labels.AcrossUnits[after.AcrossUnits]);
            Compare("Quyền số", before.WeightIndicator, after.WeightIndicator);
            Compare("Tổng hợp theo thời gian", Labels.OverTime[before.OverTime], Labels.OverTime[after.OverTime]);
            Compare("Đơn vị chủ trì", before.OwnerUnit, after.OwnerUnit);
            Compare("Nhóm", before.Groups, after.Groups);
            Compare("Phân tổ", before.Categories, after.Categories);
            Compare("Công thức", before.Formula, after.Formula);
            if (before.Description != after.Description)
                changes.Add("Mô tả đã sửa");
            if (before.Method != after.Method)
                changes.Add("Phương pháp tính đã sửa");
            return changes;
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var indicators = app.MapGroup("/api/indicators").WithTags("Chỉ số");
            indicators.MapGet("", async (string? search, string? group, string? status, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new List(search, group, status), ct)).ToHttpResult())
                .WithSummary("Tra cứu danh mục chỉ số (tìm không phân biệt dấu, lọc theo nhóm và nhóm con)");
            indicators.MapGet("/{code}", async (string code, ISender sender, CancellationToken ct) => (await sender.Send(new Get(code), ct)).ToHttpResult())
                .WithSummary("Một chỉ số: định nghĩa hiện hành, lịch sử phiên bản, chỉ số đầu vào và chỉ số sử dụng nó");
        }
    }
}
