using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ReportTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Tables",
                table: "forms_Regimes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Tables",
                table: "forms_Regimes");
        }
    }
}
