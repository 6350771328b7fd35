using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Workflow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ApprovalAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_ApprovedValues",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Disaggregation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Approval = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ApprovedValues", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "workflow_AuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_AuditTrail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Counters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Approvals = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Submissions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "workflow_Counters",
                columns: new[] { "Name", "Value" },
                values: new object[,]
                {
                    { "approved", 0L },
                    { "audit", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_ApprovedValues_FormCode_UnitCode_Period_Indicator_Column_Disaggregation_Sequence",
                table: "workflow_ApprovedValues",
                columns: new[] { "FormCode", "UnitCode", "Period", "Indicator", "Column", "Disaggregation", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_AuditTrail_Subject_At",
                table: "workflow_AuditTrail",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Submissions_FormCode_UnitCode_Period",
                table: "workflow_Submissions",
                columns: new[] { "FormCode", "UnitCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Submissions_State_Period",
                table: "workflow_Submissions",
                columns: new[] { "State", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_ApprovedValues");

            migrationBuilder.DropTable(
                name: "workflow_AuditTrail");

            migrationBuilder.DropTable(
                name: "workflow_Counters");

            migrationBuilder.DropTable(
                name: "workflow_Submissions");
        }
    }
}
