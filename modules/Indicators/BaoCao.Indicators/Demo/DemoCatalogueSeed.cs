using BaoCao.Indicators.Features;
using BaoCao.Indicators.Persistence;

namespace BaoCao.Indicators.Demo;

/// <summary>
/// The demo province's catalogue: 146 provincial socio-economic indicators (36 computed) imported through the same
/// import the administrators use, and a few data checks. Runs once on an empty catalogue.
/// </summary>
internal sealed class DemoCatalogueSeed(IndicatorsDbContext db, ISender sender)
{
    private static readonly (string Code, string Name, string Left, string Operator, string Right, string Importance, string Message)[] Rules =
    [
        ("KT_THU_ND", "Thu nội địa không vượt tổng thu", "[THU_NOI_DIA]", "<=", "[THU_NSNN]", "High", "Thu nội địa không được lớn hơn tổng thu ngân sách nhà nước trên địa bàn."),
        ("KT_GRDP_CO_CAU", "Cơ cấu GRDP cộng đủ", "[GRDP_NLTS] + [GRDP_CNXD] + [GRDP_DV] + [GRDP_THUE]", "=", "[GRDP_HH]", "High",
            "Tổng GRDP ba khu vực và thuế sản phẩm phải bằng GRDP theo giá hiện hành."),
        ("KT_HO_NGHEO", "Hộ nghèo không vượt tổng số hộ", "[HO_NGHEO] + [HO_CAN_NGHEO]", "<=", "[HO_DAN]", "High", "Số hộ nghèo và cận nghèo không được lớn hơn tổng số hộ."),
        ("KT_KHACH_QT", "Khách quốc tế là một phần tổng lượt khách", "[KHACH_QT]", "<=", "[KHACH_DL]", "High", "Lượt khách quốc tế không được lớn hơn tổng lượt khách."),
        ("KT_HS_DUNG_HAN", "Hồ sơ đúng hạn không vượt hồ sơ tiếp nhận", "[HS_DUNG_HAN]", "<=", "[HS_TTHC]", "Medium",
            "Số hồ sơ giải quyết đúng hạn lớn hơn số hồ sơ tiếp nhận trong kỳ: đề nghị kiểm tra (có thể gồm hồ sơ kỳ trước chuyển sang)."),
        ("KT_SO_SINH", "Trẻ sinh ra theo giới tính", "[SO_SINH_NAM] + [SO_SINH_NU]", "=", "[SO_SINH]", "Medium", "Số trẻ trai và trẻ gái sinh ra phải cộng bằng tổng số trẻ sinh ra."),
        ("KT_CPI", "CPI trong khoảng hợp lý", "abs([CPI] - 100)", "<=", "20", "Low", "CPI so với cùng kỳ lệch quá 20%: đề nghị kiểm tra lại."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Indicators.AnyAsync(cancellationToken))
        {
            await using var file = typeof(DemoCatalogueSeed).Assembly.GetManifestResourceStream("BaoCao.Indicators.Demo.demo-catalogue.json")!;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var imported = await sender.Send(new ImportCatalogue.Command(buffer.ToArray(), "demo-catalogue.json", AcceptValidRows: false, DryRun: false), cancellationToken);
            if (imported.Value is not { Written: true } report)
                throw new InvalidOperationException("The demo catalogue does not import: " + string.Join("; ",
                    imported.Value?.Errors.SelectMany(e => e.Errors.Select(x => $"{e.Row} {e.Code}: {x.Message}")) ?? imported.Errors.Select(e => e.Message)));
        }
        if (!await db.ValidationRules.AnyAsync(cancellationToken))
        {
            foreach (var rule in Rules)
            {
                var saved = await sender.Send(new ManageValidationRules.Save(rule.Code, rule.Name, rule.Left, rule.Operator, rule.Right, rule.Importance, rule.Message, null), cancellationToken);
                if (saved.IsFailure)
                    throw new InvalidOperationException($"Demo rule {rule.Code}: {saved.Message}");
            }
        }
    }
}
