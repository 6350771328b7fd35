using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Indicators.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "indicators");

            migrationBuilder.CreateTable(
                name: "Categories",
                schema: "indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Options = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorGroups",
                schema: "indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                schema: "indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "indicators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitsOfMeasure",
                schema: "indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitsOfMeasure", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ValidationRules",
                schema: "indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Left = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Operator = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Right = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Importance = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValidationRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorVersions",
                schema: "indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AcrossUnits = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Categories = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Formula = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Groups = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Method = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OverTime = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Precision = table.Column<int>(type: "integer", nullable: false),
                    ShortName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitOfMeasure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ValueType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WeightIndicator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorVersions_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalSchema: "indicators",
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "indicators",
                table: "IndicatorGroups",
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
                schema: "indicators",
                table: "UnitsOfMeasure",
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
                name: "IX_Indicators_Code",
                schema: "indicators",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVersions_IndicatorId_Number",
                schema: "indicators",
                table: "IndicatorVersions",
                columns: new[] { "IndicatorId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt",
                schema: "indicators",
                table: "OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ValidationRules_Code",
                schema: "indicators",
                table: "ValidationRules",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Categories",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "IndicatorGroups",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "IndicatorVersions",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "UnitsOfMeasure",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "ValidationRules",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "Indicators",
                schema: "indicators");
        }
    }
}
