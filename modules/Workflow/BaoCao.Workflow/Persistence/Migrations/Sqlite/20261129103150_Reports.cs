using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Workflow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivingUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_ReportAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ReportAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_ReportAttachments_workflow_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "workflow_Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_ReportAttachments_ReportId",
                table: "workflow_ReportAttachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Reports_ReceivingUnit_State",
                table: "workflow_Reports",
                columns: new[] { "ReceivingUnit", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Reports_RegimeCode_UnitCode_Period",
                table: "workflow_Reports",
                columns: new[] { "RegimeCode", "UnitCode", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_ReportAttachments");

            migrationBuilder.DropTable(
                name: "workflow_Reports");
        }
    }
}
