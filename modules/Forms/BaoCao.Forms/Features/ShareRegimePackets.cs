using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Contracts;
using BaoCao.SharedKernel.Exchange;

namespace BaoCao.Forms.Features;

/// <summary>
/// The regime packets for the Government's system and sectoral systems (QCVN 125): a reporting regime (who reports to
/// whom, how often, on which forms, by when), a data form (a published version's sections, rows and columns) and an
/// outline form (the report template: the narrative's headings and the table part). Signed with the province's key
/// (Accounts) and described in <c>/api/exchange/schemas</c>. Units are named by their national administrative code where
/// they have one.
/// </summary>
internal static class ShareRegimePackets
{
    internal sealed record RegimeQuery(string? Code) : IQuery<Result<RegimePacket>>;

    internal sealed record DataFormQuery(string? Code, int? Version) : IQuery<Result<DataFormPacket>>;

    internal sealed record OutlineQuery(string? Code) : IQuery<Result<OutlineFormPacket>>;

    /// <param name="Kind">Periodic, Thematic or AdHoc.</param>
    /// <param name="Frequency">Month, Quarter, HalfYear, NineMonths or Year for a periodic regime.</param>
    /// <param name="PeriodRule">decree09 (data windows of Decree 09/2019) or calendar.</param>
    /// <param name="LateSubmission">AcceptAsLate or Refuse.</param>
    internal sealed record RegimePacket(string Code, string Name, string Kind, string? Frequency, string PeriodRule, int? DueDay, int? DueDaysAfterWindow,
        string ReceivingUnit, string OwnerUnit, string LateSubmission, IReadOnlyList<string> ReportingUnits, IReadOnlyList<string> Forms, IReadOnlyList<RegimeRound> Rounds);

    /// <param name="Columns">current and plan are entered; lastyear, ytd, pct_lastyear and pct_plan are computed.</param>
    internal sealed record DataFormPacket(string Code, string Name, string Regime, string OwnerUnit, int Version, DateOnly? EffectiveFrom,
        IReadOnlyList<string> Columns, IReadOnlyList<DataFormSection> Sections);

    internal sealed record DataFormSection(string Title, IReadOnlyList<DataFormRow> Rows);

    /// <param name="Disaggregations">Option codes joined by '.' of the row's cells besides the total.</param>
    internal sealed record DataFormRow(string Indicator, string Label, string UnitOfMeasure, string ValueType, bool Required, bool Computed, string? Formula,
        IReadOnlyList<string> Disaggregations);

    internal sealed record OutlineFormPacket(string Regime, string RegimeName, IReadOnlyList<OutlineSection> Sections, IReadOnlyList<TemplateTable> Tables);

    internal sealed class Handler(ISender sender)
        : IQueryHandler<RegimeQuery, Result<RegimePacket>>, IQueryHandler<DataFormQuery, Result<DataFormPacket>>, IQueryHandler<OutlineQuery, Result<OutlineFormPacket>>
    {
        public async ValueTask<Result<RegimePacket>> Handle(RegimeQuery query, CancellationToken cancellationToken)
        {
            var found = await RegimeAsync(query.Code, cancellationToken);
            if (found.Value is not { } regime)
                return Result<RegimePacket>.From(found);
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            return new RegimePacket(regime.Code, regime.Name, regime.Kind.ToString(), regime.Frequency?.ToString(), regime.PeriodRule, regime.DueDay, regime.DueDaysAfterWindow,
                codes.ToExchange(regime.ReceivingUnit), codes.ToExchange(regime.OwnerUnit), regime.LateSubmission.ToString(), [.. regime.ReportingUnits.Select(codes.ToExchange)],
                regime.Forms, regime.Rounds);
        }

        public async ValueTask<Result<DataFormPacket>> Handle(DataFormQuery query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(query.Code))
                return Result<DataFormPacket>.Invalid("Cần mã biểu mẫu (code).", "code");
            var found = await sender.Send(new BrowseForms.Get(Codes.Normalize(query.Code), query.Version), cancellationToken);
            if (found.Value is not { } form)
                return Result<DataFormPacket>.From(found);
            if (form.Status == nameof(Domain.FormStatus.Draft))
                return Result<DataFormPacket>.Conflict($"Biểu mẫu {form.Code} chưa ban hành phiên bản nào: chỉ phiên bản đã ban hành mới được chia sẻ.");
            var codes = await sender.Send(new GetUnitExchangeCodes(), cancellationToken);
            return new DataFormPacket(form.Code, form.Name, form.RegimeCode, codes.ToExchange(form.OwnerUnit), form.Version, form.EffectiveFrom, form.Columns,
                [.. form.Sections.Select(s => new DataFormSection(s.Title, [.. s.Rows.Select(r => new DataFormRow(r.Indicator, r.Label, r.UnitOfMeasure, r.ValueType.ToString(),
                    r.Required, r.Computed, r.Formula, [.. r.Cells.Select(c => c.Disaggregation).Where(d => d.Length > 0)]))]))]);
        }

        public async ValueTask<Result<OutlineFormPacket>> Handle(OutlineQuery query, CancellationToken cancellationToken)
        {
            var found = await RegimeAsync(query.Code, cancellationToken);
            return found.Value is { } regime ? new OutlineFormPacket(regime.Code, regime.Name, regime.Outline, regime.Tables) : Result<OutlineFormPacket>.From(found);
        }

        private async Task<Result<RegimeInfo>> RegimeAsync(string? code, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(code))
                return Result<RegimeInfo>.Invalid("Cần mã chế độ báo cáo (code).", "code");
            return await sender.Send(new GetRegime(Codes.Normalize(code)), cancellationToken) is { } regime
                ? regime : Result<RegimeInfo>.NotFound($"Không có chế độ báo cáo mã '{code}'.");
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var packets = app.MapGroup("/api/exchange/packets").WithTags("Trao đổi dữ liệu");
            packets.MapGet("/regime", (string? code, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new RegimeQuery(code), body => new SignPacket("regime", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin chế độ báo cáo: đơn vị báo cáo, đơn vị nhận, tần suất, thời hạn, biểu mẫu");
            packets.MapGet("/data-form", (string? code, int? version, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new DataFormQuery(code, version), body => new SignPacket("data-form", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin biểu mẫu nhập liệu: phiên bản đã ban hành (mặc định: đang dùng) với các phần, dòng chỉ tiêu và cột");
            packets.MapGet("/outline-form", (string? code, ISender sender, CancellationToken ct) =>
                    sender.SignedAsync(new OutlineQuery(code), body => new SignPacket("outline-form", body), ct))
                .Produces<SignedPacket>()
                .WithSummary("Gói tin biểu mẫu báo cáo (đề cương): các mục phần lời và các bảng số liệu của chế độ báo cáo");
        }
    }
}
