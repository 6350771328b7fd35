using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class RegimeAllowsIncompleteReportTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowIncompleteReportTable",
                schema: "forms",
                table: "Regimes",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AllowIncompleteReportTable",
                schema: "forms",
                table: "Regimes");
        }
    }
}
