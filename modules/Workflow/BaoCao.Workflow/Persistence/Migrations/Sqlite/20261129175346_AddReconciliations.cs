using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Workflow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddReconciliations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_Reconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Matches = table.Column<int>(type: "INTEGER", nullable: false),
                    Differences = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingHere = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingInSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Reconciliations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Reconciliations_RunAt",
                table: "workflow_Reconciliations",
                column: "RunAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_Reconciliations");
        }
    }
}
