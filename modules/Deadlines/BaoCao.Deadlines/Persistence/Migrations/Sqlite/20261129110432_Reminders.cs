using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Deadlines.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines_ExpectedReports");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderDigests");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderPolicies");

            migrationBuilder.DropTable(
                name: "deadlines_ReminderTemplates");
        }
    }
}
