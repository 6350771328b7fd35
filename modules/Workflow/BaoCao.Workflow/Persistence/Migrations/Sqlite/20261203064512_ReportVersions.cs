using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Workflow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ReportVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_ReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: false),
                    Incomplete = table.Column<string>(type: "TEXT", nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ReportVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_ReportVersions_ReportId_Number",
                table: "workflow_ReportVersions",
                columns: new[] { "ReportId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_ReportVersions");
        }
    }
}
