using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forms_Assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_Assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_DataValueChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataValueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_DataValueChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_DataValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FormVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IndicatorVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Disaggregation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_DataValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_Forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_Forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_IdempotentRequests",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_IdempotentRequests", x => new { x.UserName, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "forms_OutboxMessages",
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
                    table.PrimaryKey("PK_forms_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_Regimes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PeriodRule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueDay = table.Column<int>(type: "INTEGER", nullable: true),
                    DueDaysAfterWindow = table.Column<int>(type: "INTEGER", nullable: true),
                    Rounds = table.Column<string>(type: "TEXT", nullable: false),
                    ReportingUnitCodes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ReportingUnitKinds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReportingSubtree = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceivingUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SendingMethod = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    LateSubmission = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AllowIncompleteReportTable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outline = table.Column<string>(type: "TEXT", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Amendment = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_Regimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_FormVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Layout = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_FormVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_forms_FormVersions_forms_Forms_FormId",
                        column: x => x.FormId,
                        principalTable: "forms_Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forms_Assignments_FormCode_UnitCode",
                table: "forms_Assignments",
                columns: new[] { "FormCode", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_forms_Assignments_UnitCode",
                table: "forms_Assignments",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_forms_DataValueChanges_DataValueId_At",
                table: "forms_DataValueChanges",
                columns: new[] { "DataValueId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_forms_DataValues_FormCode_UnitCode_Period_Indicator_Column_Disaggregation",
                table: "forms_DataValues",
                columns: new[] { "FormCode", "UnitCode", "Period", "Indicator", "Column", "Disaggregation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_DataValues_UnitCode_Indicator_Period",
                table: "forms_DataValues",
                columns: new[] { "UnitCode", "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_forms_Forms_Code",
                table: "forms_Forms",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_Forms_RegimeCode",
                table: "forms_Forms",
                column: "RegimeCode");

            migrationBuilder.CreateIndex(
                name: "IX_forms_FormVersions_FormId_Number",
                table: "forms_FormVersions",
                columns: new[] { "FormId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_IdempotentRequests_At",
                table: "forms_IdempotentRequests",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_forms_OutboxMessages_DispatchedAt",
                table: "forms_OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_forms_Regimes_Code",
                table: "forms_Regimes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forms_Assignments");

            migrationBuilder.DropTable(
                name: "forms_DataValueChanges");

            migrationBuilder.DropTable(
                name: "forms_DataValues");

            migrationBuilder.DropTable(
                name: "forms_FormVersions");

            migrationBuilder.DropTable(
                name: "forms_IdempotentRequests");

            migrationBuilder.DropTable(
                name: "forms_OutboxMessages");

            migrationBuilder.DropTable(
                name: "forms_Regimes");

            migrationBuilder.DropTable(
                name: "forms_Forms");
        }
    }
}
