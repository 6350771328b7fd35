using BaoCao.Dashboards.Domain;
using BaoCao.Dashboards.Features;
using BaoCao.Dashboards.Persistence;
using BaoCao.Dashboards.Projection;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Dashboards.Demo;

/// <summary>
/// The demo's dashboards: the province's socio-economic dashboard for everyone signed in, the Department of Finance's
/// for its leaders, and a public one; and the demo's approved budget revenue and tourist figures published up to August
/// 2026, so the public data page has content. Runs once, on a module without dashboards.
/// </summary>
internal sealed class DemoDashboardsSeed(DashboardsDbContext db, ISender sender, AggregatesProjector projector, SeriesReader reader, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Dashboards.AnyAsync(cancellationToken))
            return;
        var now = clock.GetUtcNow();
        Dashboard Make(string code, string title, string description, Audience audience, string unit, params Widget[] widgets) =>
            new(code) { Title = title, Description = description, Audience = audience, UnitCode = unit, PeriodKind = "Month", Periods = 12,
                Widgets = [.. widgets], UpdatedAt = now, UpdatedBy = "demo" };
        db.Dashboards.AddRange(
            Make("KTXH-TINH", "Kinh tế - xã hội toàn tỉnh", "Các chỉ tiêu chủ yếu hằng tháng, tổng hợp từ số liệu đã duyệt của các sở, ngành.", Audience.Province, "UBND-NB",
                new(WidgetKind.Kpi, "Thu ngân sách nhà nước", ["THU_NSNN"]),
                new(WidgetKind.Kpi, "Khách du lịch", ["KHACH_DL"]),
                new(WidgetKind.Kpi, "Kim ngạch xuất khẩu", ["KNXK"]),
                new(WidgetKind.Line, "Thu, chi ngân sách", ["THU_NSNN", "CHI_NSDP"]),
                new(WidgetKind.Line, "Doanh thu du lịch", ["DT_DU_LICH"]),
                new(WidgetKind.Bar, "Thu ngân sách theo đơn vị", ["THU_NSNN"]),
                new(WidgetKind.Table, "Chỉ tiêu chủ yếu", ["THU_NSNN", "CHI_NSDP", "VON_DT", "KNXK", "KHACH_DL"]),
                new(WidgetKind.Completeness, "Tình hình gửi báo cáo kinh tế - xã hội tháng", [], true, "BC-KTXH-THANG")),
            Make("TAI-CHINH", "Tài chính - ngân sách", "Dành cho lãnh đạo Sở Tài chính.", Audience.UnitLeaders, "STC",
                new(WidgetKind.Kpi, "Thu ngân sách nhà nước", ["THU_NSNN"]),
                new(WidgetKind.Kpi, "Tỷ trọng thu nội địa", ["TT_THU_ND"]),
                new(WidgetKind.Line, "Thu ngân sách", ["THU_NSNN", "THU_NOI_DIA", "THU_DAT"]),
                new(WidgetKind.Table, "Chi ngân sách địa phương", ["CHI_NSDP", "CHI_DTPT", "CHI_TX"])),
            Make("CONG-KHAI", "Số liệu kinh tế - xã hội công khai", "Số liệu đã được tỉnh công khai.", Audience.Public, "UBND-NB",
                new(WidgetKind.Kpi, "Thu ngân sách nhà nước", ["THU_NSNN"]),
                new(WidgetKind.Line, "Thu ngân sách nhà nước", ["THU_NSNN"]),
                new(WidgetKind.Line, "Khách du lịch", ["KHACH_DL"])));
        await db.SaveChangesAsync(cancellationToken);

        await projector.CatchUpAsync(cancellationToken);
        var indicators = await sender.Send(new GetIndicators(["THU_NSNN", "KHACH_DL"]), cancellationToken);
        var periods = await sender.Send(new Deadlines.Contracts.ListPeriods("202501", "202608"), cancellationToken);
        await PublishData.PublishAsync(db, sender, reader, indicators, periods!, "demo", now, cancellationToken);
    }
}
