using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Dashboards.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dashboards_Checkpoints",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboards_Checkpoints", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "dashboards_Dashboards",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Periods = table.Column<int>(type: "INTEGER", nullable: false),
                    Widgets = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboards_Dashboards", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "dashboards_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboards_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dashboards_Points",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rolled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboards_Points", x => new { x.Indicator, x.UnitCode, x.Period, x.Rolled });
                });

            migrationBuilder.CreateTable(
                name: "dashboards_Publications",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboards_Publications", x => new { x.Indicator, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "dashboards_PublishedPoints",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rolled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboards_PublishedPoints", x => new { x.Indicator, x.UnitCode, x.Period, x.Rolled });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dashboards_OutboxMessages_DispatchedAt",
                table: "dashboards_OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_dashboards_Points_Indicator_Period",
                table: "dashboards_Points",
                columns: new[] { "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_dashboards_PublishedPoints_Indicator_Period",
                table: "dashboards_PublishedPoints",
                columns: new[] { "Indicator", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboards_Checkpoints");

            migrationBuilder.DropTable(
                name: "dashboards_Dashboards");

            migrationBuilder.DropTable(
                name: "dashboards_OutboxMessages");

            migrationBuilder.DropTable(
                name: "dashboards_Points");

            migrationBuilder.DropTable(
                name: "dashboards_Publications");

            migrationBuilder.DropTable(
                name: "dashboards_PublishedPoints");
        }
    }
}
