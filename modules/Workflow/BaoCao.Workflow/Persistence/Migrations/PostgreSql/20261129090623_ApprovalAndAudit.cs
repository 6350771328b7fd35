using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Workflow.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ApprovalAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApprovedValues",
                schema: "workflow",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    FormCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Column = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Disaggregation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Approval = table.Column<int>(type: "integer", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovedValues", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditTrail",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTrail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Counters",
                schema: "workflow",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Approvals = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                });

            migrationBuilder.InsertData(
                schema: "workflow",
                table: "Counters",
                columns: new[] { "Name", "Value" },
                values: new object[,]
                {
                    { "approved", 0L },
                    { "audit", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovedValues_FormCode_UnitCode_Period_Indicator_Column_Di~",
                schema: "workflow",
                table: "ApprovedValues",
                columns: new[] { "FormCode", "UnitCode", "Period", "Indicator", "Column", "Disaggregation", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_Subject_At",
                schema: "workflow",
                table: "AuditTrail",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_FormCode_UnitCode_Period",
                schema: "workflow",
                table: "Submissions",
                columns: new[] { "FormCode", "UnitCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_State_Period",
                schema: "workflow",
                table: "Submissions",
                columns: new[] { "State", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovedValues",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "AuditTrail",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "Counters",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "Submissions",
                schema: "workflow");
        }
    }
}
