using BaoCao.Indicators.Domain;

namespace BaoCao.Indicators.Persistence;

/// <summary>The lists every province starts with (seeded by the migrations; administrators add to them).
/// Groups follow the sectors of the national statistical indicator system (Law on Statistics, annex).</summary>
internal static class DefaultLists
{
    public static readonly UnitOfMeasure[] UnitsOfMeasure =
    [
        new("NGUOI", "người"), new("NGHIN_NGUOI", "nghìn người"), new("HO", "hộ"), new("TY_DONG", "tỷ đồng"),
        new("TRIEU_DONG", "triệu đồng"), new("TRIEU_DONG_NGUOI", "triệu đồng/người"), new("TRIEU_USD", "triệu USD"),
        new("NGHIN_USD", "nghìn USD"), new("USD_NGUOI", "USD/người"), new("PHAN_TRAM", "%"), new("HA", "ha"),
        new("TAN", "tấn"), new("NGHIN_TAN", "nghìn tấn"), new("TA_HA", "tạ/ha"), new("CON", "con"), new("NGHIN_CON", "nghìn con"),
        new("LUOT_KHACH", "lượt khách"), new("NGHIN_LUOT", "nghìn lượt khách"), new("DOANH_NGHIEP", "doanh nghiệp"),
        new("DU_AN", "dự án"), new("KM", "km"), new("GIUONG", "giường bệnh"), new("BAC_SI", "bác sĩ"), new("TRUONG", "trường"),
        new("HOC_SINH", "học sinh"), new("XA", "xã"), new("TRIEU_KWH", "triệu kWh"), new("NGHIN_M3", "nghìn m³"),
        new("DIEM", "điểm"), new("HO_SO", "hồ sơ"), new("LAN", "lần"), new("CAN_HO", "căn hộ"), new("M2", "m²"),
        new("DONG_USD", "đồng/USD"), new("CAI", "cái"), new("SAN_PHAM", "sản phẩm"), new("BAO_CAO", "báo cáo"),
        new("CO_KHONG", "có/không"), new("TRAI_100_GAI", "bé trai/100 bé gái"), new("KHONG", "(không có đơn vị)"),
    ];

    public static readonly IndicatorGroup[] Groups =
    [
        new("KT", "Kinh tế", null, 1),
        new("KT.TK", "Tài khoản quốc gia, tăng trưởng", "KT", 1),
        new("KT.NS", "Ngân sách nhà nước", "KT", 2),
        new("KT.DT", "Đầu tư, doanh nghiệp", "KT", 3),
        new("KT.CN", "Công nghiệp, năng lượng", "KT", 4),
        new("KT.NN", "Nông, lâm nghiệp và thủy sản", "KT", 5),
        new("KT.TM", "Thương mại, dịch vụ, giá cả", "KT", 6),
        new("KT.DL", "Du lịch", "KT", 7),
        new("KT.XNK", "Xuất, nhập khẩu", "KT", 8),
        new("XH", "Văn hóa – xã hội", null, 2),
        new("XH.DS", "Dân số, lao động, việc làm", "XH", 1),
        new("XH.GN", "Giảm nghèo, an sinh xã hội", "XH", 2),
        new("XH.YT", "Y tế, bảo hiểm", "XH", 3),
        new("XH.GD", "Giáo dục, đào tạo", "XH", 4),
        new("XH.VH", "Văn hóa, thể thao", "XH", 5),
        new("MT", "Tài nguyên, môi trường, hạ tầng", null, 3),
        new("MT.DD", "Đất đai, đô thị, nhà ở", "MT", 1),
        new("MT.MT", "Môi trường, nước sạch", "MT", 2),
        new("QL", "Quản lý nhà nước", null, 4),
        new("QL.CCHC", "Cải cách hành chính, chuyển đổi số", "QL", 1),
    ];
}
