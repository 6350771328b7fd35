using Mapster;
using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;
using BaoCao.SharedKernel.Time;

namespace BaoCao.Forms.Features;

/// <summary>
/// The forms a user works with: those their units report, approve or design (province administrators see all), and
/// one form's design — the version in use or a chosen one — with each row's indicator, unit of measure and cells.
/// </summary>
internal static class BrowseForms
{
    internal sealed record List : IQuery<Result<IReadOnlyList<FormSummary>>>;

    internal sealed record Get(string Code, int? Version) : IQuery<Result<FormView>>;

    /// <param name="Frequency">The regime's: Month, Quarter, HalfYear, NineMonths, Year, or null for thematic and ad hoc regimes.</param>
    internal sealed record FormSummary(string Code, string Name, string RegimeCode, string? Frequency, string OwnerUnit, int? PublishedVersion, DateOnly? EffectiveFrom,
        bool HasDraft, IReadOnlyList<string> Units);

    internal sealed record FormView(string Code, string Name, string RegimeCode, string OwnerUnit, int Version, string Status, DateOnly? EffectiveFrom,
        IReadOnlyList<string> Columns, IReadOnlyList<SectionView> Sections, IReadOnlyList<VersionInfo> Versions, IReadOnlyList<string> Units, long ConcurrencyVersion);

    internal sealed record SectionView(string Title, IReadOnlyList<RowView> Rows);

    /// <param name="Cells">Disaggregation codes of the row ("" is the total).</param>
    internal sealed record RowView(string Indicator, string Label, string UnitOfMeasure, IndicatorValueType ValueType, int Precision, bool Required, bool Computed,
        string? Formula, IReadOnlyList<CellView> Cells);

    internal sealed record CellView(string Disaggregation, string Name);

    internal sealed record VersionInfo(int Number, string Status, DateOnly? EffectiveFrom, DateTimeOffset? PublishedAt, string? PublishedBy);

    internal sealed class Handler(FormsDbContext db, ISender sender, TimeProvider clock)
        : IQueryHandler<List, Result<IReadOnlyList<FormSummary>>>, IQueryHandler<Get, Result<FormView>>
    {
        public async ValueTask<Result<IReadOnlyList<FormSummary>>> Handle(List query, CancellationToken cancellationToken)
        {
            var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
            var frequencies = await db.Regimes.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Frequency, cancellationToken);
            var today = VietnamTime.Today(clock);
            var assignments = (await db.Assignments.AsNoTracking().ToListAsync(cancellationToken)).Where(a => a.Until is null || a.Until >= today).ToList();
            var everything = await sender.Send(new CheckProvinceWideAccess(Permissions.ManageForms), cancellationToken);
            HashSet<string> designs = [], reports = [];
            if (!everything)
            {
                designs = [.. await sender.Send(new GetUnitCodesInScope(Permissions.ManageForms), cancellationToken)];
                reports = [.. await sender.Send(new GetUnitCodesInScope(Permissions.EnterData), cancellationToken),
                    .. await sender.Send(new GetUnitCodesInScope(Permissions.ApproveData), cancellationToken)];
            }
            return Result.Ok<IReadOnlyList<FormSummary>>([.. forms
                .Select(f => (Form: f, Units: assignments.Where(a => a.FormCode == f.Code).Select(a => a.UnitCode).Order().ToList()))
                .Where(x => everything || designs.Contains(x.Form.OwnerUnit) || x.Units.Any(reports.Contains))
                .Select(x => new FormSummary(x.Form.Code, x.Form.Name, x.Form.RegimeCode, frequencies.GetValueOrDefault(x.Form.RegimeCode)?.ToString(), x.Form.OwnerUnit, x.Form.Published?.Number,
                    x.Form.Published?.EffectiveFrom, x.Form.Draft is not null, everything || designs.Contains(x.Form.OwnerUnit) ? x.Units : [.. x.Units.Where(reports.Contains)]))]);
        }

        public async ValueTask<Result<FormView>> Handle(Get query, CancellationToken cancellationToken)
        {
            var code = Codes.Normalize(query.Code);
            var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, cancellationToken);
            if (form is null)
                return Result<FormView>.NotFound($"Không có biểu mẫu mã '{query.Code}'.");
            var version = query.Version is { } number ? form.Versions.SingleOrDefault(v => v.Number == number) : form.Published ?? form.Latest;
            if (version is null)
                return Result<FormView>.NotFound($"Biểu mẫu {form.Code} không có phiên bản {query.Version}.");
            var units = await db.Assignments.AsNoTracking().Where(a => a.FormCode == code).Select(a => a.UnitCode).OrderBy(u => u).ToListAsync(cancellationToken);
            return new FormView(form.Code, form.Name, form.RegimeCode, form.OwnerUnit, version.Number, version.Status.ToString(), version.EffectiveFrom,
                [.. version.Layout.Columns.Select(FormLayout.Key)], await SectionsAsync(sender, version.Layout, version.EffectiveFrom ?? VietnamTime.Today(clock), cancellationToken),
                [.. form.Versions.OrderBy(v => v.Number).Select(v => v.Adapt<VersionInfo>(FormsMappings.Config))],
                units, form.Version);
        }
    }

    /// <summary>The layout's rows with what the catalogue says of their indicators on a day.</summary>
    internal static async Task<IReadOnlyList<SectionView>> SectionsAsync(ISender sender, FormLayout layout, DateOnly day, CancellationToken cancellationToken)
    {
        var indicators = (await sender.Send(new GetIndicators([.. layout.Rows.Select(r => r.Indicator)], day), cancellationToken)).ToDictionary(i => i.Code);
        return [.. layout.Sections.Select(s => new SectionView(s.Title, [.. s.Rows.Where(r => indicators.ContainsKey(r.Indicator)).Select(r =>
        {
            var i = indicators[r.Indicator];
            return new RowView(i.Code, r.Label ?? i.Name, i.UnitOfMeasure, i.ValueType, i.Precision, r.Required, i.IsComputed, i.Formula,
                [new CellView("", "Tổng số"), .. i.Disaggregations.Select(d => new CellView(d.Code, d.Name))]);
        })]))];
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var forms = app.MapGroup("/api/forms").WithTags("Biểu mẫu");
            forms.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new List(), ct)).ToHttpResult())
                .WithSummary("Biểu mẫu trong phạm vi của bạn (đơn vị báo cáo, phê duyệt hoặc thiết kế)");
            forms.MapGet("/{code}", async (string code, int? version, ISender sender, CancellationToken ct) => (await sender.Send(new Get(code, version), ct)).ToHttpResult())
                .WithSummary("Thiết kế biểu mẫu: phiên bản đang áp dụng (hoặc ?version=)");
        }
    }
}
