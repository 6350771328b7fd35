using BaoCao.Forms.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;
using BaoCao.Indicators.Contracts;

namespace BaoCao.Forms.Demo;

/// <summary>
/// The demo province's regimes: the monthly socio-economic report to the province office (four department forms) and
/// a quarterly social report (one form for health and labour), assigned from January 2025, with plausible values
/// entered from January 2025 to October 2026 (quarters to 2026 Q3) so last-year and year-to-date columns have data.
/// Runs once, on an empty module.
/// </summary>
internal sealed class DemoFormsSeed(FormsDbContext db, ISender sender, TimeProvider clock)
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static readonly OutlineHeading[] MonthlyOutline =
    [
        new("I. Tình hình kinh tế - xã hội trong tháng", "Nêu kết quả nổi bật theo từng lĩnh vực, so sánh với cùng kỳ và kế hoạch năm."),
        new("II. Kết quả thực hiện các nhiệm vụ trọng tâm", "Theo chương trình công tác của UBND tỉnh và chỉ đạo của Chủ tịch UBND tỉnh."),
        new("III. Tồn tại, hạn chế, khó khăn, vướng mắc", "Nêu nguyên nhân khách quan, chủ quan."),
        new("IV. Nhiệm vụ, giải pháp trọng tâm tháng tới", null),
        new("V. Kiến nghị, đề xuất", "Kiến nghị cụ thể, nêu rõ cơ quan có thẩm quyền giải quyết."),
    ];

    private static readonly (string Code, string Name, string Owner, (string Title, string[] Rows)[] Sections, FormColumn[] Columns, string[] Units)[] MonthlyForms =
    [
        ("BM-TC-THANG", "Biểu 01/TC: Thu, chi ngân sách và đầu tư hằng tháng", "VP-UBND",
            [("Thu ngân sách nhà nước", ["THU_NSNN", "THU_NOI_DIA", "THU_XNK", "THU_DAT", "TT_THU_ND"]),
             ("Chi ngân sách địa phương", ["CHI_NSDP", "CHI_DTPT", "CHI_TX"]),
             ("Đầu tư và doanh nghiệp", ["VON_DT", "GN_DTC", "DN_MOI", "VON_DK_DN_MOI", "VON_BQ_DN_MOI"])],
            [FormColumn.Current, FormColumn.LastYear, FormColumn.YearToDate, FormColumn.PercentOfLastYear], ["STC"]),
        ("BM-CT-THANG", "Biểu 02/CT: Sản xuất công nghiệp, thương mại, xuất nhập khẩu hằng tháng", "VP-UBND",
            [("Công nghiệp", ["IIP", "GTSX_CN"]),
             ("Thương mại", ["TMBL", "TMBL_HH", "TT_BL_HH"]),
             ("Xuất, nhập khẩu", ["KNXK", "KNNK", "CAN_CAN_TM"])],
            [FormColumn.Current, FormColumn.LastYear, FormColumn.Plan, FormColumn.PercentOfLastYear, FormColumn.PercentOfPlan], ["SCT"]),
        ("BM-DL-THANG", "Biểu 03/DL: Hoạt động du lịch hằng tháng", "VP-UBND",
            [("Khách du lịch", ["KHACH_DL", "KHACH_QT", "KHACH_LUU_TRU"]), ("Doanh thu", ["DT_DU_LICH", "CHI_TIEU_KHACH"])],
            [FormColumn.Current, FormColumn.LastYear, FormColumn.YearToDate, FormColumn.PercentOfLastYear], ["SDL"]),
        ("BM-NN-THANG", "Biểu 04/NN: Sản xuất nông, lâm nghiệp và thủy sản hằng tháng", "VP-UBND",
            [("Chăn nuôi, thủy sản", ["SL_THIT_HOI", "SL_THUY_SAN"]), ("Lâm nghiệp", ["DT_RUNG_TRONG"])],
            [FormColumn.Current, FormColumn.LastYear, FormColumn.PercentOfLastYear], ["SNNMT"]),
    ];

    // Monthly base value; each month grows it a little, with noise. Shares keep the data checks true.
    private static readonly Dictionary<string, decimal> Base = new()
    {
        ["THU_NSNN"] = 1500, ["THU_XNK"] = 150, ["THU_DAT"] = 280, ["CHI_NSDP"] = 1800, ["CHI_DTPT"] = 620, ["CHI_TX"] = 1050, ["VON_DT"] = 5200,
        ["GN_DTC"] = 420, ["DN_MOI"] = 120, ["VON_DK_DN_MOI"] = 1500, ["IIP"] = 108.5m, ["GTSX_CN"] = 9800, ["TMBL"] = 6100, ["KNXK"] = 455, ["KNNK"] = 382,
        ["KHACH_LUU_TRU"] = 260, ["DT_DU_LICH"] = 910, ["SL_THIT_HOI"] = 18_200, ["SL_THUY_SAN"] = 12_400, ["DT_RUNG_TRONG"] = 150,
        ["NGUOI_BHYT"] = 3_650_000, ["GIUONG_BENH"] = 13_500, ["BAC_SI"] = 4_300, ["LD_XKLD"] = 1_800,
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Regimes.AnyAsync(cancellationToken))
            return;
        var now = clock.GetUtcNow();
        var monthly = Regime.Create("BC-KTXH-THANG", new RegimeTerms("Báo cáo tình hình kinh tế - xã hội hằng tháng",
            "Số liệu chủ yếu và đánh giá tình hình kinh tế - xã hội trong tháng của các sở, ngành phục vụ chỉ đạo, điều hành của UBND tỉnh.",
            RegimeKind.Periodic, Frequency.Month, "decree09", 20, null, [], ["STC", "SCT", "SDL", "SNNMT"], [], null, "VP-UBND", "VP-UBND",
            "Gửi qua Hệ thống thông tin báo cáo tỉnh; văn bản điện tử có chữ ký số.", "Số liệu chốt từ ngày 15 tháng trước đến ngày 14 tháng báo cáo (Điều 12 Nghị định 09/2019).",
            LateSubmission.AcceptAsLate, MonthlyOutline));
        var quarterly = Regime.Create("BC-XH-QUY", new RegimeTerms("Báo cáo kết quả thực hiện chỉ tiêu y tế, lao động hằng quý",
            "Kết quả thực hiện các chỉ tiêu y tế, bảo hiểm y tế, lao động và việc làm trong quý.", RegimeKind.Periodic, Frequency.Quarter, "calendar",
            20, null, [], ["SYT", "SNV"], [], null, "VP-UBND", "VP-UBND", "Gửi qua Hệ thống thông tin báo cáo tỉnh.", null,
            LateSubmission.AcceptAsLate, [new("I. Kết quả thực hiện chỉ tiêu trong quý", null), new("II. Khó khăn, vướng mắc và kiến nghị", null)]));
        db.Regimes.AddRange(monthly, quarterly);

        var forms = MonthlyForms.Select(f => (Form: Publish(FormDesign.Create(f.Code, f.Name, monthly.Code, f.Owner,
            new FormLayout([.. f.Sections.Select(s => new FormSection(s.Title, [.. s.Rows.Select(r => new FormRow(r, null, Required: r is "THU_NSNN" or "IIP" or "KHACH_DL" or "KNXK"))]))],
                f.Columns)), now), f.Units, Months: true)).ToList();
        forms.Add((Publish(FormDesign.Create("BM-XH-QUY", "Biểu 05/XH: Y tế, lao động và việc làm hằng quý", quarterly.Code, "VP-UBND",
            new FormLayout([new("Y tế, bảo hiểm y tế", [new("NGUOI_BHYT", null, true), new("GIUONG_BENH", null, false), new("BAC_SI", null, false), new("GIUONG_VAN_DAN", null, false)]),
                new("Lao động, việc làm", [new("LD_VIEC_LAM_MOI", null, true), new("LD_XKLD", null, false)])],
                [FormColumn.Current, FormColumn.LastYear, FormColumn.PercentOfLastYear])), now), ["SYT", "SNV"], Months: false));

        var indicators = (await sender.Send(new GetIndicators(null, Start), cancellationToken)).ToDictionary(i => i.Code);
        var random = new Random(2025);
        foreach (var (form, units, months) in forms)
        {
            db.Forms.Add(form);
            foreach (var unit in units)
                db.Assignments.Add(new Assignment(form.Code, unit, Start));
            var periods = months
                ? Enumerable.Range(0, 22).Select(m => (Code: Start.AddMonths(m).ToString("yyyyMM"), Step: m))
                : Enumerable.Range(0, 7).Select(q => (Code: $"{2025 + q / 4}Q{q % 4 + 1}", Step: q * 3));
            foreach (var (period, step) in periods)
            {
                foreach (var unit in units)
                {
                    foreach (var (indicator, disaggregation, value) in Values(form.Published!.Layout, indicators, step, random))
                    {
                        var cell = new DataValue(form.Code, 1, unit, period, indicator, indicators[indicator].Version, "current", disaggregation);
                        db.DataValues.Add(cell);
                        db.DataValueChanges.Add(cell.Set(value, null, null, now, "demo", "demo"));
                    }
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static FormDesign Publish(FormDesign form, DateTimeOffset now)
    {
        form.Publish(Start, now, "demo");
        return form;
    }

    private static IEnumerable<(string Indicator, string Disaggregation, decimal Value)> Values(FormLayout layout, Dictionary<string, IndicatorInfo> indicators, int step, Random random)
    {
        decimal Grow(string code) => Base[code] * (decimal)Math.Pow(1.006, step) * (decimal)(0.93 + random.NextDouble() * 0.14);
        decimal Round(string code, decimal value) => Math.Round(value, indicators[code].Precision);
        foreach (var row in layout.Rows.Where(r => !indicators[r.Indicator].IsComputed))
        {
            switch (row.Indicator)
            {
                case "THU_NOI_DIA": // inland revenue is most, never all, of total revenue
                    continue;
                case "THU_NSNN":
                    var total = Round("THU_NSNN", Grow("THU_NSNN"));
                    yield return ("THU_NSNN", "", total);
                    yield return ("THU_NOI_DIA", "", Round("THU_NOI_DIA", total * 0.86m));
                    continue;
                case "TMBL":
                    var retail = Round("TMBL", Grow("TMBL"));
                    yield return ("TMBL", "", retail);
                    yield return ("TMBL_HH", "", Round("TMBL_HH", retail * 0.74m));
                    continue;
                case "TMBL_HH" or "KHACH_QT":
                    continue;
                case "KHACH_DL":
                    var foreign = Round("KHACH_DL", 70 * (decimal)Math.Pow(1.01, step) * (decimal)(0.9 + random.NextDouble() * 0.2));
                    var domestic = Round("KHACH_DL", 820 * (decimal)Math.Pow(1.006, step) * (decimal)(0.9 + random.NextDouble() * 0.2));
                    yield return ("KHACH_DL", "QT", foreign);
                    yield return ("KHACH_DL", "ND", domestic);
                    yield return ("KHACH_DL", "", foreign + domestic);
                    yield return ("KHACH_QT", "", foreign);
                    continue;
                case "LD_VIEC_LAM_MOI":
                    var men = Math.Round(4_800 * (decimal)(0.9 + random.NextDouble() * 0.2));
                    var women = Math.Round(4_300 * (decimal)(0.9 + random.NextDouble() * 0.2));
                    yield return ("LD_VIEC_LAM_MOI", "NAM", men);
                    yield return ("LD_VIEC_LAM_MOI", "NU", women);
                    yield return ("LD_VIEC_LAM_MOI", "", men + women);
                    continue;
                default:
                    yield return (row.Indicator, "", Round(row.Indicator, Grow(row.Indicator)));
                    continue;
            }
        }
    }
}
