using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ThematicRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The single round of earlier thematic and ad hoc regimes becomes their first (only) round.
            migrationBuilder.AddColumn<string>(
                name: "Rounds",
                schema: "forms",
                table: "Regimes",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""UPDATE forms."Regimes" SET "Rounds" = json_build_array(json_build_object('start', to_char("RoundStart", 'YYYY-MM-DD'), 'end', to_char("RoundEnd", 'YYYY-MM-DD'), 'due', to_char("ExplicitDueDate", 'YYYY-MM-DD')))::text WHERE "RoundStart" IS NOT NULL AND "RoundEnd" IS NOT NULL AND "ExplicitDueDate" IS NOT NULL;""");

            migrationBuilder.DropColumn(name: "ExplicitDueDate", schema: "forms", table: "Regimes");
            migrationBuilder.DropColumn(name: "RoundEnd", schema: "forms", table: "Regimes");
            migrationBuilder.DropColumn(name: "RoundStart", schema: "forms", table: "Regimes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rounds",
                schema: "forms",
                table: "Regimes");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExplicitDueDate",
                schema: "forms",
                table: "Regimes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RoundEnd",
                schema: "forms",
                table: "Regimes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RoundStart",
                schema: "forms",
                table: "Regimes",
                type: "date",
                nullable: true);
        }
    }
}
