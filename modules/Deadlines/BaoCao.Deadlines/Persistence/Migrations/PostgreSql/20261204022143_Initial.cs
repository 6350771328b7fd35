using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Deadlines.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "deadlines");

            migrationBuilder.CreateTable(
                name: "ComplianceGenerations",
                schema: "deadlines",
                columns: table => new
                {
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Xlsx = table.Column<byte[]>(type: "bytea", nullable: false),
                    Docx = table.Column<byte[]>(type: "bytea", nullable: false),
                    EmailStatus = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceGenerations", x => new { x.Period, x.Generation });
                });

            migrationBuilder.CreateTable(
                name: "ComplianceReports",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    EmailStatus = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpectedReports",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegimeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpectedReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfficialDays",
                schema: "deadlines",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduleYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficialDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "deadlines",
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
                name: "ReceptionWindows",
                schema: "deadlines",
                columns: table => new
                {
                    RegimeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SetBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionWindows", x => new { x.RegimeCode, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    RegimeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LeaderCopy = table.Column<bool>(type: "boolean", nullable: false),
                    DigestId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDigests",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RunDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderPolicies",
                schema: "deadlines",
                columns: table => new
                {
                    RegimeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPolicies", x => x.RegimeCode);
                });

            migrationBuilder.CreateTable(
                name: "ReminderTemplates",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageEvents",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageReports",
                schema: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageReports", x => x.Id);
                });

            migrationBuilder.InsertData(
                schema: "deadlines",
                table: "OfficialDays",
                columns: new[] { "Date", "Kind", "Name", "ScheduleYear" },
                values: new object[,]
                {
                    { new DateOnly(2023, 12, 30), "Holiday", "Tết Dương lịch", 2024 },
                    { new DateOnly(2023, 12, 31), "Holiday", "Tết Dương lịch", 2024 },
                    { new DateOnly(2024, 1, 1), "Holiday", "Tết Dương lịch", 2024 },
                    { new DateOnly(2024, 2, 8), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 9), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 10), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 11), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 12), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 13), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 14), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 4, 18), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2024 },
                    { new DateOnly(2024, 4, 27), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 4, 28), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 4, 29), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 4, 30), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 5, 1), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 5, 4), "WorkingSaturday", "làm bù cho ngày 29/04/2024", 2024 },
                    { new DateOnly(2024, 8, 31), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2024, 9, 1), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2024, 9, 2), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2024, 9, 3), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2025, 1, 1), "Holiday", "Tết Dương lịch", 2025 },
                    { new DateOnly(2025, 1, 25), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 26), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 27), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 28), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 29), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 30), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 31), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 2, 1), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 2, 2), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 4, 5), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025 },
                    { new DateOnly(2025, 4, 6), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025 },
                    { new DateOnly(2025, 4, 7), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025 },
                    { new DateOnly(2025, 4, 26), "WorkingSaturday", "làm bù cho ngày 02/05/2025", 2025 },
                    { new DateOnly(2025, 4, 30), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 1), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 2), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 3), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 4), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 8, 30), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2025, 8, 31), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2025, 9, 1), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2025, 9, 2), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2026, 1, 1), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 2), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 3), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 4), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 10), "WorkingSaturday", "làm bù cho ngày 02/01/2026", 2026 },
                    { new DateOnly(2026, 2, 14), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 15), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 16), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 17), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 18), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 19), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 20), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 21), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 22), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 4, 25), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2026 },
                    { new DateOnly(2026, 4, 26), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2026 },
                    { new DateOnly(2026, 4, 27), "Compensatory", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", 2026 },
                    { new DateOnly(2026, 4, 30), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 5, 1), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 5, 2), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 5, 3), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 8, 22), "WorkingSaturday", "làm bù cho ngày 31/08/2026", 2026 },
                    { new DateOnly(2026, 8, 29), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 8, 30), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 8, 31), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 9, 1), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 9, 2), "Holiday", "Quốc khánh", 2026 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceReports_Period",
                schema: "deadlines",
                table: "ComplianceReports",
                column: "Period",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedReports_DueDate",
                schema: "deadlines",
                table: "ExpectedReports",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedReports_RegimeCode_Period_UnitCode",
                schema: "deadlines",
                table: "ExpectedReports",
                columns: new[] { "RegimeCode", "Period", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDays_ScheduleYear",
                schema: "deadlines",
                table: "OfficialDays",
                column: "ScheduleYear");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt",
                schema: "deadlines",
                table: "OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_DigestId",
                schema: "deadlines",
                table: "ReminderDeliveries",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_Period_CreatedAt",
                schema: "deadlines",
                table: "ReminderDeliveries",
                columns: new[] { "Period", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_Step_RegimeCode_UnitCode_Period_Recipient",
                schema: "deadlines",
                table: "ReminderDeliveries",
                columns: new[] { "Step", "RegimeCode", "UnitCode", "Period", "Recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDigests_Status_NextAttemptAt",
                schema: "deadlines",
                table: "ReminderDigests",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_Kind_At",
                schema: "deadlines",
                table: "UsageEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageReports_Period",
                schema: "deadlines",
                table: "UsageReports",
                column: "Period",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceGenerations",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ComplianceReports",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ExpectedReports",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "OfficialDays",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ReceptionWindows",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ReminderDeliveries",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ReminderDigests",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ReminderPolicies",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "ReminderTemplates",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "UsageEvents",
                schema: "deadlines");

            migrationBuilder.DropTable(
                name: "UsageReports",
                schema: "deadlines");
        }
    }
}
