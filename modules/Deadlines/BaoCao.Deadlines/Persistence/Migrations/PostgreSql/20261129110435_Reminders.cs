using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Deadlines.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpectedReports",
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
        }
    }
}
