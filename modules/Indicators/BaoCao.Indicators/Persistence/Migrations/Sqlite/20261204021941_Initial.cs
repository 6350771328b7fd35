using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Indicators.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators_Categories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_Categories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "indicators_IndicatorGroups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_IndicatorGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "indicators_Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_UnitsOfMeasure",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_UnitsOfMeasure", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "indicators_ValidationRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Left = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Right = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Importance = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_ValidationRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_IndicatorVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcrossUnits = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Formula = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Groups = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OverTime = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Precision = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitOfMeasure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ValueType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WeightIndicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_IndicatorVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_IndicatorVersions_indicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators_Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "indicators_IndicatorGroups",
                columns: new[] { "Code", "Name", "Order", "ParentCode" },
                values: new object[,]
                {
                    { "KT", "Kinh tế", 1, null },
                    { "KT.CN", "Công nghiệp, năng lượng", 4, "KT" },
                    { "KT.DL", "Du lịch", 7, "KT" },
                    { "KT.DT", "Đầu tư, doanh nghiệp", 3, "KT" },
                    { "KT.NN", "Nông, lâm nghiệp và thủy sản", 5, "KT" },
                    { "KT.NS", "Ngân sách nhà nước", 2, "KT" },
                    { "KT.TK", "Tài khoản quốc gia, tăng trưởng", 1, "KT" },
                    { "KT.TM", "Thương mại, dịch vụ, giá cả", 6, "KT" },
                    { "KT.XNK", "Xuất, nhập khẩu", 8, "KT" },
                    { "MT", "Tài nguyên, môi trường, hạ tầng", 3, null },
                    { "MT.DD", "Đất đai, đô thị, nhà ở", 1, "MT" },
                    { "MT.MT", "Môi trường, nước sạch", 2, "MT" },
                    { "QL", "Quản lý nhà nước", 4, null },
                    { "QL.CCHC", "Cải cách hành chính, chuyển đổi số", 1, "QL" },
                    { "XH", "Văn hóa – xã hội", 2, null },
                    { "XH.DS", "Dân số, lao động, việc làm", 1, "XH" },
                    { "XH.GD", "Giáo dục, đào tạo", 4, "XH" },
                    { "XH.GN", "Giảm nghèo, an sinh xã hội", 2, "XH" },
                    { "XH.VH", "Văn hóa, thể thao", 5, "XH" },
                    { "XH.YT", "Y tế, bảo hiểm", 3, "XH" }
                });

            migrationBuilder.InsertData(
                table: "indicators_UnitsOfMeasure",
                columns: new[] { "Code", "Name" },
                values: new object[,]
                {
                    { "BAC_SI", "bác sĩ" },
                    { "BAO_CAO", "báo cáo" },
                    { "CAI", "cái" },
                    { "CAN_HO", "căn hộ" },
                    { "CO_KHONG", "có/không" },
                    { "CON", "con" },
                    { "DIEM", "điểm" },
                    { "DOANH_NGHIEP", "doanh nghiệp" },
                    { "DONG_USD", "đồng/USD" },
                    { "DU_AN", "dự án" },
                    { "GIUONG", "giường bệnh" },
                    { "HA", "ha" },
                    { "HO", "hộ" },
                    { "HO_SO", "hồ sơ" },
                    { "HOC_SINH", "học sinh" },
                    { "KHONG", "(không có đơn vị)" },
                    { "KM", "km" },
                    { "LAN", "lần" },
                    { "LUOT_KHACH", "lượt khách" },
                    { "M2", "m²" },
                    { "NGHIN_CON", "nghìn con" },
                    { "NGHIN_LUOT", "nghìn lượt khách" },
                    { "NGHIN_M3", "nghìn m³" },
                    { "NGHIN_NGUOI", "nghìn người" },
                    { "NGHIN_TAN", "nghìn tấn" },
                    { "NGHIN_USD", "nghìn USD" },
                    { "NGUOI", "người" },
                    { "PHAN_TRAM", "%" },
                    { "SAN_PHAM", "sản phẩm" },
                    { "TA_HA", "tạ/ha" },
                    { "TAN", "tấn" },
                    { "TRAI_100_GAI", "bé trai/100 bé gái" },
                    { "TRIEU_DONG", "triệu đồng" },
                    { "TRIEU_DONG_NGUOI", "triệu đồng/người" },
                    { "TRIEU_KWH", "triệu kWh" },
                    { "TRIEU_USD", "triệu USD" },
                    { "TRUONG", "trường" },
                    { "TY_DONG", "tỷ đồng" },
                    { "USD_NGUOI", "USD/người" },
                    { "XA", "xã" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_Indicators_Code",
                table: "indicators_Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_IndicatorVersions_IndicatorId_Number",
                table: "indicators_IndicatorVersions",
                columns: new[] { "IndicatorId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_OutboxMessages_DispatchedAt",
                table: "indicators_OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_ValidationRules_Code",
                table: "indicators_ValidationRules",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicators_Categories");

            migrationBuilder.DropTable(
                name: "indicators_IndicatorGroups");

            migrationBuilder.DropTable(
                name: "indicators_IndicatorVersions");

            migrationBuilder.DropTable(
                name: "indicators_OutboxMessages");

            migrationBuilder.DropTable(
                name: "indicators_UnitsOfMeasure");

            migrationBuilder.DropTable(
                name: "indicators_ValidationRules");

            migrationBuilder.DropTable(
                name: "indicators_Indicators");
        }
    }
}
