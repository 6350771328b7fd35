using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.Sqlite
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
                table: "forms_Regimes",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""UPDATE "forms_Regimes" SET "Rounds" = json_array(json_object('start', "RoundStart", 'end', "RoundEnd", 'due', "ExplicitDueDate")) WHERE "RoundStart" IS NOT NULL AND "RoundEnd" IS NOT NULL AND "ExplicitDueDate" IS NOT NULL;""");

            migrationBuilder.DropColumn(name: "ExplicitDueDate", table: "forms_Regimes");
            migrationBuilder.DropColumn(name: "RoundEnd", table: "forms_Regimes");
            migrationBuilder.DropColumn(name: "RoundStart", table: "forms_Regimes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rounds",
                table: "forms_Regimes");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExplicitDueDate",
                table: "forms_Regimes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RoundEnd",
                table: "forms_Regimes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RoundStart",
                table: "forms_Regimes",
                type: "TEXT",
                nullable: true);
        }
    }
}
