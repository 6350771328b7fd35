using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Workflow.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddReconciliations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reconciliations",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Matches = table.Column<int>(type: "integer", nullable: false),
                    Differences = table.Column<int>(type: "integer", nullable: false),
                    MissingHere = table.Column<int>(type: "integer", nullable: false),
                    MissingInSource = table.Column<int>(type: "integer", nullable: false),
                    Findings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reconciliations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reconciliations_RunAt",
                schema: "workflow",
                table: "Reconciliations",
                column: "RunAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reconciliations",
                schema: "workflow");
        }
    }
}
