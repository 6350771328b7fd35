#!/usr/bin/env python3
"""Writes the demo province's indicator catalogue (modules/Indicators/.../Demo/demo-catalogue.json).
Indicators follow the provincial socio-economic reporting of a Vietnamese province (GRDP, budget, IIP, retail
sales, exports, investment, enterprises, tourism, agriculture, poverty, health insurance, education, labour)."""
import json, pathlib

S, A, W, MIN, MAX, N = "Sum", "Average", "WeightedAverage", "Min", "Max", "None"
T_SUM, T_AVG, T_LAST, T_NONE = "Sum", "Average", "LastValue", "None"
rows = []

def ind(code, name, unit, owner, group, vt="Decimal", prec=1, across=S, over=T_SUM, formula=None, short=None, weight=None, cats=(), method=None, desc=None):
    rows.append(dict(code=code, name=name, shortName=short or name, description=desc, method=method, unitOfMeasure=unit, valueType=vt,
                     precision=0 if vt == "Integer" else prec, aggregationAcrossUnits=across, weightIndicator=weight, aggregationOverTime=over,
                     ownerUnit=owner, groups=[group], disaggregations=list(cats), formula=formula, status="Active", validFrom="2024-01-01"))

def growth(code, base, name, owner, group):
    ind(code, name, "PHAN_TRAM", owner, group, "Percent", 2, N, T_NONE,
        f"([{base}] / [{base}@lastyear] - 1) * 100", method=f"(Kỳ này / cùng kỳ năm trước − 1) × 100 của chỉ số {base}.")

def share(code, part, whole, name, owner, group):
    ind(code, name, "PHAN_TRAM", owner, group, "Percent", 2, N, T_NONE, f"[{part}] / [{whole}] * 100",
        method=f"{part} / {whole} × 100.")

# Tài khoản quốc gia (Sở Tài chính tổng hợp, số liệu Thống kê tỉnh)
ind("GRDP_HH", "Tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành", "TY_DONG", "STC", "KT.TK", short="GRDP giá hiện hành")
ind("GRDP_SS", "Tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh 2010", "TY_DONG", "STC", "KT.TK", short="GRDP giá so sánh")
ind("GRDP_NLTS", "GRDP khu vực nông, lâm nghiệp và thủy sản (giá hiện hành)", "TY_DONG", "STC", "KT.TK")
ind("GRDP_CNXD", "GRDP khu vực công nghiệp và xây dựng (giá hiện hành)", "TY_DONG", "STC", "KT.TK")
ind("GRDP_DV", "GRDP khu vực dịch vụ (giá hiện hành)", "TY_DONG", "STC", "KT.TK")
ind("GRDP_THUE", "Thuế sản phẩm trừ trợ cấp sản phẩm (giá hiện hành)", "TY_DONG", "STC", "KT.TK")
growth("GRDP_TT", "GRDP_SS", "Tốc độ tăng trưởng GRDP (giá so sánh)", "STC", "KT.TK")
share("CC_NLTS", "GRDP_NLTS", "GRDP_HH", "Tỷ trọng khu vực nông, lâm nghiệp và thủy sản trong GRDP", "STC", "KT.TK")
share("CC_CNXD", "GRDP_CNXD", "GRDP_HH", "Tỷ trọng khu vực công nghiệp và xây dựng trong GRDP", "STC", "KT.TK")
share("CC_DV", "GRDP_DV", "GRDP_HH", "Tỷ trọng khu vực dịch vụ trong GRDP", "STC", "KT.TK")
ind("DAN_SO_TB", "Dân số trung bình", "NGHIN_NGUOI", "SNV", "XH.DS", prec=1, over=T_AVG, cats=("GIOI_TINH", "KHU_VUC"))
ind("GRDP_BQ", "GRDP bình quân đầu người", "TRIEU_DONG_NGUOI", "STC", "KT.TK", prec=1, across=N, over=T_NONE,
    formula="[GRDP_HH] / [DAN_SO_TB]", method="GRDP giá hiện hành (tỷ đồng) / dân số trung bình (nghìn người) = triệu đồng/người.")
ind("GRDP_BQ_USD", "GRDP bình quân đầu người (USD)", "USD_NGUOI", "STC", "KT.TK", prec=0, across=N, over=T_NONE,
    formula="round([GRDP_BQ] * 1000000 / [TY_GIA_USD], 0)", method="GRDP bình quân đầu người quy đổi theo tỷ giá bình quân năm.")
ind("TY_GIA_USD", "Tỷ giá bình quân VND/USD trong kỳ", "DONG_USD", "STC", "KT.TK", prec=0, across=N, over=T_AVG, short="Tỷ giá VND/USD")
ind("NANG_SUAT_LD", "Năng suất lao động xã hội", "TRIEU_DONG_NGUOI", "STC", "KT.TK", across=N, over=T_NONE,
    formula="[GRDP_HH] * 1000 / [LD_LAM_VIEC]", method="GRDP giá hiện hành / số lao động có việc làm.")

# Ngân sách nhà nước
ind("THU_NSNN", "Tổng thu ngân sách nhà nước trên địa bàn", "TY_DONG", "STC", "KT.NS", short="Tổng thu NSNN")
ind("THU_NOI_DIA", "Thu nội địa", "TY_DONG", "STC", "KT.NS")
ind("THU_XNK", "Thu từ hoạt động xuất nhập khẩu", "TY_DONG", "STC", "KT.NS")
ind("THU_DAT", "Thu tiền sử dụng đất", "TY_DONG", "STC", "KT.NS")
ind("THU_XSKT", "Thu từ xổ số kiến thiết", "TY_DONG", "STC", "KT.NS")
ind("THU_DNNN", "Thu từ doanh nghiệp nhà nước", "TY_DONG", "STC", "KT.NS")
ind("THU_FDI", "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài", "TY_DONG", "STC", "KT.NS")
ind("THU_NQD", "Thu từ khu vực công thương nghiệp ngoài quốc doanh", "TY_DONG", "STC", "KT.NS")
ind("DT_THU_NSNN", "Dự toán thu ngân sách nhà nước năm được giao", "TY_DONG", "STC", "KT.NS", over=T_LAST)
ind("TH_DT_THU", "Tỷ lệ thực hiện dự toán thu NSNN (lũy kế)", "PHAN_TRAM", "STC", "KT.NS", "Percent", 2, N, T_NONE,
    formula="[THU_NSNN@ytd] / [DT_THU_NSNN] * 100", method="Thu NSNN lũy kế từ đầu năm / dự toán năm × 100.")
growth("THU_NSNN_TT", "THU_NSNN", "Tốc độ tăng thu NSNN so với cùng kỳ", "STC", "KT.NS")
share("TT_THU_ND", "THU_NOI_DIA", "THU_NSNN", "Tỷ trọng thu nội địa trong tổng thu NSNN", "STC", "KT.NS")
ind("CHI_NSDP", "Tổng chi ngân sách địa phương", "TY_DONG", "STC", "KT.NS", short="Tổng chi NSĐP")
ind("CHI_DTPT", "Chi đầu tư phát triển", "TY_DONG", "STC", "KT.NS")
ind("CHI_TX", "Chi thường xuyên", "TY_DONG", "STC", "KT.NS")
ind("CHI_GD", "Chi sự nghiệp giáo dục, đào tạo và dạy nghề", "TY_DONG", "STC", "KT.NS")
ind("CHI_YT", "Chi sự nghiệp y tế, dân số và gia đình", "TY_DONG", "STC", "KT.NS")
ind("CHI_KHCN", "Chi sự nghiệp khoa học và công nghệ", "TY_DONG", "STC", "KT.NS")
share("TT_CHI_DTPT", "CHI_DTPT", "CHI_NSDP", "Tỷ trọng chi đầu tư phát triển trong tổng chi NSĐP", "STC", "KT.NS")
ind("GN_DTC", "Giải ngân vốn đầu tư công", "TY_DONG", "STC", "KT.NS")
ind("KH_DTC", "Kế hoạch vốn đầu tư công được giao", "TY_DONG", "STC", "KT.NS", over=T_LAST)
ind("TL_GN_DTC", "Tỷ lệ giải ngân vốn đầu tư công (lũy kế)", "PHAN_TRAM", "STC", "KT.NS", "Percent", 2, N, T_NONE,
    formula="[GN_DTC@ytd] / [KH_DTC] * 100")

# Đầu tư, doanh nghiệp
ind("VON_DT", "Vốn đầu tư thực hiện toàn xã hội", "TY_DONG", "STC", "KT.DT")
ind("VON_DT_NN", "Vốn đầu tư thực hiện khu vực nhà nước", "TY_DONG", "STC", "KT.DT")
ind("VON_DT_NGOAI_NN", "Vốn đầu tư thực hiện khu vực ngoài nhà nước", "TY_DONG", "STC", "KT.DT")
ind("VON_DT_FDI", "Vốn đầu tư thực hiện khu vực có vốn đầu tư nước ngoài", "TY_DONG", "STC", "KT.DT")
growth("VON_DT_TT", "VON_DT", "Tốc độ tăng vốn đầu tư thực hiện toàn xã hội", "STC", "KT.DT")
share("VON_DT_GRDP", "VON_DT", "GRDP_HH", "Tỷ lệ vốn đầu tư thực hiện so với GRDP", "STC", "KT.DT")
ind("DN_MOI", "Số doanh nghiệp thành lập mới", "DOANH_NGHIEP", "STC", "KT.DT", "Integer")
ind("VON_DK_DN_MOI", "Vốn đăng ký của doanh nghiệp thành lập mới", "TY_DONG", "STC", "KT.DT")
ind("DN_QUAY_LAI", "Số doanh nghiệp quay trở lại hoạt động", "DOANH_NGHIEP", "STC", "KT.DT", "Integer")
ind("DN_TAM_NGUNG", "Số doanh nghiệp tạm ngừng kinh doanh", "DOANH_NGHIEP", "STC", "KT.DT", "Integer")
ind("DN_GIAI_THE", "Số doanh nghiệp giải thể", "DOANH_NGHIEP", "STC", "KT.DT", "Integer")
ind("DN_HOAT_DONG", "Số doanh nghiệp đang hoạt động", "DOANH_NGHIEP", "STC", "KT.DT", "Integer", over=T_LAST)
ind("VON_BQ_DN_MOI", "Vốn đăng ký bình quân một doanh nghiệp mới", "TY_DONG", "STC", "KT.DT", prec=2, across=N, over=T_NONE,
    formula="[VON_DK_DN_MOI] / [DN_MOI]")
ind("DA_FDI_MOI", "Số dự án FDI được cấp mới", "DU_AN", "BQLKCN", "KT.DT", "Integer")
ind("VON_FDI_DK", "Vốn FDI đăng ký cấp mới và tăng thêm", "TRIEU_USD", "BQLKCN", "KT.DT", prec=2)
ind("DA_DDI_MOI", "Số dự án đầu tư trong nước được chấp thuận", "DU_AN", "STC", "KT.DT", "Integer")
ind("TL_LAP_DAY_KCN", "Tỷ lệ lấp đầy các khu công nghiệp", "PHAN_TRAM", "BQLKCN", "KT.DT", "Percent", 1, A, T_LAST)

# Công nghiệp
ind("IIP", "Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ", "PHAN_TRAM", "SCT", "KT.CN", "Percent", 2, N, T_NONE, short="IIP",
    method="Bình quân gia quyền chỉ số sản lượng các sản phẩm đại diện theo giá trị tăng thêm năm gốc 2020.")
ind("IIP_CBCT", "Chỉ số sản xuất ngành công nghiệp chế biến, chế tạo", "PHAN_TRAM", "SCT", "KT.CN", "Percent", 2, N, T_NONE)
ind("IIP_DIEN", "Chỉ số sản xuất và phân phối điện", "PHAN_TRAM", "SCT", "KT.CN", "Percent", 2, N, T_NONE)
ind("GTSX_CN", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "TY_DONG", "SCT", "KT.CN")
growth("GTSX_CN_TT", "GTSX_CN", "Tốc độ tăng giá trị sản xuất công nghiệp", "SCT", "KT.CN")
ind("SL_XI_MANG", "Sản lượng xi măng", "NGHIN_TAN", "SCT", "KT.CN")
ind("SL_THEP", "Sản lượng thép các loại", "NGHIN_TAN", "SCT", "KT.CN")
ind("SL_DIEN", "Sản lượng điện sản xuất", "TRIEU_KWH", "SCT", "KT.CN")

# Nông nghiệp
ind("GTSX_NLTS", "Giá trị sản xuất nông, lâm nghiệp và thủy sản (giá so sánh 2010)", "TY_DONG", "SNNMT", "KT.NN")
growth("GTSX_NLTS_TT", "GTSX_NLTS", "Tốc độ tăng giá trị sản xuất nông, lâm nghiệp và thủy sản", "SNNMT", "KT.NN")
ind("DT_LUA", "Diện tích gieo trồng lúa", "HA", "SNNMT", "KT.NN", over=T_LAST)
ind("SL_LUA", "Sản lượng lúa", "TAN", "SNNMT", "KT.NN", prec=0)
ind("NS_LUA", "Năng suất lúa", "TA_HA", "SNNMT", "KT.NN", prec=2, across=N, over=T_NONE, formula="[SL_LUA] * 10 / [DT_LUA]",
    method="Sản lượng (tấn) × 10 / diện tích (ha) = tạ/ha.")
ind("SL_LUONG_THUC", "Sản lượng lương thực có hạt", "TAN", "SNNMT", "KT.NN", prec=0)
ind("SL_THIT_HOI", "Sản lượng thịt hơi xuất chuồng các loại", "TAN", "SNNMT", "KT.NN", prec=0)
ind("DAN_LON", "Tổng đàn lợn", "NGHIN_CON", "SNNMT", "KT.NN", over=T_LAST)
ind("SL_THUY_SAN", "Sản lượng thủy sản", "TAN", "SNNMT", "KT.NN", prec=0)
ind("SL_THUY_SAN_NT", "Sản lượng thủy sản nuôi trồng", "TAN", "SNNMT", "KT.NN", prec=0)
ind("DT_RUNG_TRONG", "Diện tích rừng trồng mới tập trung", "HA", "SNNMT", "KT.NN")
ind("TL_CHE_PHU_RUNG", "Tỷ lệ che phủ rừng", "PHAN_TRAM", "SNNMT", "KT.NN", "Percent", 2, W, T_LAST, weight="DT_TU_NHIEN")
ind("DT_TU_NHIEN", "Diện tích đất tự nhiên", "HA", "SNNMT", "MT.DD", over=T_LAST)
ind("XA_NTM", "Số xã đạt chuẩn nông thôn mới", "XA", "SNNMT", "KT.NN", "Integer", over=T_LAST)
ind("XA_NTM_NC", "Số xã đạt chuẩn nông thôn mới nâng cao", "XA", "SNNMT", "KT.NN", "Integer", over=T_LAST)
ind("SP_OCOP", "Số sản phẩm OCOP đạt từ 3 sao trở lên", "SAN_PHAM", "SNNMT", "KT.NN", "Integer", over=T_LAST, desc="Lũy kế số sản phẩm được công nhận.")

# Thương mại, giá cả
ind("TMBL", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "TY_DONG", "SCT", "KT.TM", short="Tổng mức bán lẻ và doanh thu DVTD")
ind("TMBL_HH", "Doanh thu bán lẻ hàng hóa", "TY_DONG", "SCT", "KT.TM")
growth("TMBL_TT", "TMBL", "Tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "SCT", "KT.TM")
share("TT_BL_HH", "TMBL_HH", "TMBL", "Tỷ trọng bán lẻ hàng hóa trong tổng mức", "SCT", "KT.TM")
ind("CPI", "Chỉ số giá tiêu dùng (CPI) so với cùng kỳ", "PHAN_TRAM", "STC", "KT.TM", "Percent", 2, N, T_AVG, short="CPI")
ind("CHO", "Số chợ đang hoạt động", "CAI", "SCT", "KT.TM", "Integer", over=T_LAST)

# Du lịch
ind("KHACH_DL", "Tổng lượt khách du lịch", "NGHIN_LUOT", "SDL", "KT.DL", cats=("NGUON_KHACH",))
ind("KHACH_QT", "Lượt khách du lịch quốc tế", "NGHIN_LUOT", "SDL", "KT.DL")
ind("KHACH_LUU_TRU", "Lượt khách có lưu trú", "NGHIN_LUOT", "SDL", "KT.DL")
ind("DT_DU_LICH", "Tổng thu từ khách du lịch", "TY_DONG", "SDL", "KT.DL")
growth("KHACH_DL_TT", "KHACH_DL", "Tốc độ tăng lượt khách du lịch", "SDL", "KT.DL")
share("TT_KHACH_QT", "KHACH_QT", "KHACH_DL", "Tỷ trọng khách quốc tế trong tổng lượt khách", "SDL", "KT.DL")
ind("CHI_TIEU_KHACH", "Chi tiêu bình quân một lượt khách", "TRIEU_DONG", "SDL", "KT.DL", prec=2, across=N, over=T_NONE,
    formula="[DT_DU_LICH] / [KHACH_DL]", method="Tổng thu (tỷ đồng) / lượt khách (nghìn lượt) = triệu đồng/lượt.")

# Xuất nhập khẩu
ind("KNXK", "Kim ngạch xuất khẩu hàng hóa", "TRIEU_USD", "SCT", "KT.XNK", prec=2, short="Kim ngạch xuất khẩu")
ind("KNNK", "Kim ngạch nhập khẩu hàng hóa", "TRIEU_USD", "SCT", "KT.XNK", prec=2, short="Kim ngạch nhập khẩu")
ind("CAN_CAN_TM", "Cán cân thương mại hàng hóa", "TRIEU_USD", "SCT", "KT.XNK", prec=2, formula="[KNXK] - [KNNK]")
growth("KNXK_TT", "KNXK", "Tốc độ tăng kim ngạch xuất khẩu", "SCT", "KT.XNK")
ind("KNXK_FDI", "Kim ngạch xuất khẩu của khu vực có vốn đầu tư nước ngoài", "TRIEU_USD", "SCT", "KT.XNK", prec=2)
share("TT_XK_FDI", "KNXK_FDI", "KNXK", "Tỷ trọng xuất khẩu của khu vực FDI", "SCT", "KT.XNK")

# Dân số, lao động
ind("LD_LAM_VIEC", "Số lao động từ 15 tuổi trở lên đang làm việc", "NGUOI", "SNV", "XH.DS", "Integer", over=T_AVG, cats=("GIOI_TINH",))
ind("LD_VIEC_LAM_MOI", "Số lao động được tạo việc làm mới", "NGUOI", "SNV", "XH.DS", "Integer", cats=("GIOI_TINH",))
ind("LD_XKLD", "Số người đi làm việc ở nước ngoài theo hợp đồng", "NGUOI", "SNV", "XH.DS", "Integer")
ind("TL_THAT_NGHIEP", "Tỷ lệ thất nghiệp khu vực thành thị", "PHAN_TRAM", "SNV", "XH.DS", "Percent", 2, N, T_AVG)
ind("TL_LD_QUA_DT", "Tỷ lệ lao động qua đào tạo", "PHAN_TRAM", "SNV", "XH.DS", "Percent", 2, W, T_LAST, weight="LD_LAM_VIEC")
ind("TL_LD_CO_BANG", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "PHAN_TRAM", "SNV", "XH.DS", "Percent", 2, W, T_LAST, weight="LD_LAM_VIEC")
ind("SO_SINH", "Số trẻ em sinh ra", "NGUOI", "SYT", "XH.DS", "Integer", cats=("GIOI_TINH",))
ind("TS_GIOI_TINH_SINH", "Tỷ số giới tính khi sinh", "TRAI_100_GAI", "SYT", "XH.DS", prec=1, across=N, over=T_NONE,
    formula="[SO_SINH_NAM] / [SO_SINH_NU] * 100")
ind("SO_SINH_NAM", "Số trẻ em trai sinh ra", "NGUOI", "SYT", "XH.DS", "Integer")
ind("SO_SINH_NU", "Số trẻ em gái sinh ra", "NGUOI", "SYT", "XH.DS", "Integer")

# Giảm nghèo, an sinh
ind("HO_DAN", "Tổng số hộ dân cư", "HO", "SNV", "XH.GN", "Integer", over=T_LAST)
ind("HO_NGHEO", "Số hộ nghèo theo chuẩn nghèo đa chiều", "HO", "SNV", "XH.GN", "Integer", over=T_LAST)
ind("HO_CAN_NGHEO", "Số hộ cận nghèo", "HO", "SNV", "XH.GN", "Integer", over=T_LAST)
share("TL_HO_NGHEO", "HO_NGHEO", "HO_DAN", "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)", "SNV", "XH.GN")
share("TL_HO_CAN_NGHEO", "HO_CAN_NGHEO", "HO_DAN", "Tỷ lệ hộ cận nghèo", "SNV", "XH.GN")
ind("NHA_O_XH", "Số căn hộ nhà ở xã hội hoàn thành", "CAN_HO", "SXD", "MT.DD", "Integer")
ind("DOI_TUONG_BTXH", "Số đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng", "NGUOI", "SNV", "XH.GN", "Integer", over=T_LAST)

# Y tế, bảo hiểm
ind("NGUOI_BHYT", "Số người tham gia bảo hiểm y tế", "NGUOI", "SYT", "XH.YT", "Integer", over=T_LAST)
ind("TL_BHYT", "Tỷ lệ dân số tham gia bảo hiểm y tế", "PHAN_TRAM", "SYT", "XH.YT", "Percent", 2, N, T_NONE,
    formula="[NGUOI_BHYT] / ([DAN_SO_TB] * 1000) * 100")
ind("NGUOI_BHXH", "Số người tham gia bảo hiểm xã hội", "NGUOI", "SNV", "XH.YT", "Integer", over=T_LAST)
ind("TL_BHXH", "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH", "PHAN_TRAM", "SNV", "XH.YT", "Percent", 2, N, T_NONE,
    formula="[NGUOI_BHXH] / [LD_LAM_VIEC] * 100")
ind("GIUONG_BENH", "Số giường bệnh (không kể trạm y tế xã)", "GIUONG", "SYT", "XH.YT", "Integer", over=T_LAST)
ind("BAC_SI", "Số bác sĩ", "BAC_SI", "SYT", "XH.YT", "Integer", over=T_LAST)
ind("GIUONG_VAN_DAN", "Số giường bệnh trên một vạn dân", "GIUONG", "SYT", "XH.YT", prec=1, across=N, over=T_NONE,
    formula="[GIUONG_BENH] / [DAN_SO_TB] * 10")
ind("BAC_SI_VAN_DAN", "Số bác sĩ trên một vạn dân", "BAC_SI", "SYT", "XH.YT", prec=1, across=N, over=T_NONE,
    formula="[BAC_SI] / [DAN_SO_TB] * 10")
ind("TL_TIEM_CHUNG", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "PHAN_TRAM", "SYT", "XH.YT", "Percent", 2, A, T_LAST)
ind("TL_SDD", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "PHAN_TRAM", "SYT", "XH.YT", "Percent", 2, A, T_LAST)
ind("TRAM_YT_BS", "Trạm y tế xã có bác sĩ làm việc", "CO_KHONG", "SYT", "XH.YT", "YesNo", 0, N, T_LAST)

# Giáo dục
ind("HOC_SINH", "Số học sinh phổ thông đầu năm học", "HOC_SINH", "SGDDT", "XH.GD", "Integer", over=T_LAST, cats=("CAP_HOC",))
ind("TRUONG_CHUAN", "Số trường đạt chuẩn quốc gia", "TRUONG", "SGDDT", "XH.GD", "Integer", over=T_LAST)
ind("TRUONG_PT", "Tổng số trường mầm non và phổ thông", "TRUONG", "SGDDT", "XH.GD", "Integer", over=T_LAST)
share("TL_TRUONG_CHUAN", "TRUONG_CHUAN", "TRUONG_PT", "Tỷ lệ trường đạt chuẩn quốc gia", "SGDDT", "XH.GD")
ind("TL_TOT_NGHIEP_THPT", "Tỷ lệ học sinh tốt nghiệp trung học phổ thông", "PHAN_TRAM", "SGDDT", "XH.GD", "Percent", 2, W, T_LAST, weight="HOC_SINH")
ind("TL_DI_HOC_DUNG_TUOI", "Tỷ lệ đi học đúng độ tuổi cấp trung học cơ sở", "PHAN_TRAM", "SGDDT", "XH.GD", "Percent", 2, A, T_LAST)

# Văn hóa, thể thao
ind("TL_GD_VH", "Tỷ lệ gia đình được công nhận gia đình văn hóa", "PHAN_TRAM", "SVHTTDL", "XH.VH", "Percent", 2, W, T_LAST, weight="HO_DAN")
ind("TL_TDTT", "Tỷ lệ dân số tập luyện thể dục thể thao thường xuyên", "PHAN_TRAM", "SVHTTDL", "XH.VH", "Percent", 2, A, T_LAST)

# Môi trường, hạ tầng
ind("TL_NUOC_SACH", "Tỷ lệ dân số nông thôn sử dụng nước sạch đạt quy chuẩn", "PHAN_TRAM", "SNNMT", "MT.MT", "Percent", 2, A, T_LAST)
ind("TL_THU_GOM_RAC", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "PHAN_TRAM", "SNNMT", "MT.MT", "Percent", 2, A, T_LAST)
ind("TL_DO_THI_HOA", "Tỷ lệ đô thị hóa", "PHAN_TRAM", "SXD", "MT.DD", "Percent", 2, N, T_LAST)
ind("DT_NHA_O_BQ", "Diện tích nhà ở bình quân đầu người", "M2", "SXD", "MT.DD", prec=1, across=A, over=T_LAST)

# Cải cách hành chính, chuyển đổi số
ind("HS_TTHC", "Số hồ sơ thủ tục hành chính tiếp nhận", "HO_SO", "VP-UBND", "QL.CCHC", "Integer")
ind("HS_DUNG_HAN", "Số hồ sơ thủ tục hành chính giải quyết đúng hạn", "HO_SO", "VP-UBND", "QL.CCHC", "Integer")
ind("HS_TRUC_TUYEN", "Số hồ sơ nộp trực tuyến", "HO_SO", "VP-UBND", "QL.CCHC", "Integer")
share("TL_DUNG_HAN", "HS_DUNG_HAN", "HS_TTHC", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "VP-UBND", "QL.CCHC")
share("TL_TRUC_TUYEN", "HS_TRUC_TUYEN", "HS_TTHC", "Tỷ lệ hồ sơ nộp trực tuyến", "SKHCN", "QL.CCHC")
ind("PAR_INDEX", "Chỉ số cải cách hành chính (PAR Index)", "PHAN_TRAM", "SNV", "QL.CCHC", "Percent", 2, N, T_LAST)
ind("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "DIEM", "STC", "QL.CCHC", prec=2, across=N, over=T_LAST)
ind("BAO_CAO_DUNG_HAN", "Báo cáo gửi đúng hạn qua Hệ thống thông tin báo cáo", "BAO_CAO", "VP-UBND", "QL.CCHC", "Integer",
    desc="Số báo cáo định kỳ gửi đúng hạn trong kỳ (đánh giá theo Đ23 Quy chế).")
ind("GHI_CHU_KY", "Ghi chú về số liệu của kỳ báo cáo", "KHONG", "VP-UBND", "QL.CCHC", "Text", 0, N, T_NONE,
    desc="Thuyết minh ngắn của đơn vị khi số liệu có biến động bất thường.")

for r in rows:
    if r["unitOfMeasure"] == "CO_KHONG":
        r["unitOfMeasure"] = "DIEM"

categories = [
    dict(code="GIOI_TINH", name="Giới tính", options=[dict(code="NAM", name="Nam"), dict(code="NU", name="Nữ")]),
    dict(code="KHU_VUC", name="Thành thị, nông thôn", options=[dict(code="TT", name="Thành thị"), dict(code="NT", name="Nông thôn")]),
    dict(code="NGUON_KHACH", name="Nguồn khách", options=[dict(code="QT", name="Quốc tế"), dict(code="ND", name="Nội địa")]),
    dict(code="CAP_HOC", name="Cấp học", options=[dict(code="TH", name="Tiểu học"), dict(code="THCS", name="Trung học cơ sở"), dict(code="THPT", name="Trung học phổ thông")]),
]
codes = [r["code"] for r in rows]
assert len(codes) == len(set(codes)), "duplicate codes"
out = pathlib.Path(__file__).resolve().parents[2] / "modules/Indicators/BaoCao.Indicators/Demo/demo-catalogue.json"
out.write_text(json.dumps(dict(format="baocao.indicators/1", disaggregations=categories, indicators=rows), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(rows)} indicators, {sum(1 for r in rows if r['formula'])} computed -> {out}")
