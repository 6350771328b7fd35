using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ReportTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Tables",
                schema: "forms",
                table: "Regimes",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Tables",
                schema: "forms",
                table: "Regimes");
        }
    }
}
