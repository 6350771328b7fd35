using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Deadlines.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deadlines_ComplianceGenerations",
                columns: table => new
                {
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Xlsx = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Docx = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EmailStatus = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ComplianceGenerations", x => new { x.Period, x.Generation });
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ComplianceReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailStatus = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ComplianceReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ExpectedReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ExpectedReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_OfficialDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduleYear = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_OfficialDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_OutboxMessages",
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
                    table.PrimaryKey("PK_deadlines_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ReceptionWindows",
                columns: table => new
                {
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ReceptionWindows", x => new { x.RegimeCode, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LeaderCopy = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ReminderDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ReminderDigests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RunDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ReminderDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ReminderPolicies",
                columns: table => new
                {
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ReminderPolicies", x => x.RegimeCode);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_ReminderTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_ReminderTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_UsageEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_UsageEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines_UsageReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_UsageReports", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "deadlines_OfficialDays",
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
                name: "IX_deadlines_ComplianceReports_Period",
                table: "deadlines_ComplianceReports",
                column: "Period",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ExpectedReports_DueDate",
                table: "deadlines_ExpectedReports",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ExpectedReports_RegimeCode_Period_UnitCode",
                table: "deadlines_ExpectedReports",
                columns: new[] { "RegimeCode", "Period", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_OfficialDays_ScheduleYear",
                table: "deadlines_OfficialDays",
                column: "ScheduleYear");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_OutboxMessages_DispatchedAt",
                table: "deadlines_OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ReminderDeliveries_DigestId",
                table: "deadlines_ReminderDeliveries",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ReminderDeliveries_Period_CreatedAt",
                table: "deadlines_ReminderDeliveries",
                columns: new[] { "Period", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ReminderDeliveries_Step_RegimeCode_UnitCode_Period_Recipient",
                table: "deadlines_ReminderDeliveries",
                columns: new[] { "Step", "RegimeCode", "UnitCode", "Period", "Recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ReminderDigests_Status_NextAttemptAt",
                table: "deadlines_ReminderDigests",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_UsageEvents_Kind_At",
                table: "deadlines_UsageEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_UsageReports_Period",
                table: "deadlines_UsageReports",
                column: "Period",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines_ComplianceGenerations");

            migrationBuilder.DropTable(
                name: "deadlines_ComplianceReports");

            migrationBuilder.DropTable(
                name: "deadlines_ExpectedReports");

            migrationBuilder.DropTable(
                name: "deadlines_OfficialDays");

            migrationBuilder.DropTable(
                name: "deadlines_OutboxMessages");

            migrationBuilder.DropTable(
                name: "deadlines_ReceptionWindows");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderDigests");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderPolicies");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderTemplates");

            migrationBuilder.DropTable(
                name: "deadlines_UsageEvents");

            migrationBuilder.DropTable(
                name: "deadlines_UsageReports");
        }
    }
}
