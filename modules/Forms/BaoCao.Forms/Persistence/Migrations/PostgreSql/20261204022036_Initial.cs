using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaoCao.Forms.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "forms");

            migrationBuilder.CreateTable(
                name: "Assignments",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataValueChanges",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DataValueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataValueChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataValues",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FormVersion = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IndicatorVersion = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Disaggregation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Forms",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RegimeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                schema: "forms",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => new { x.UserName, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regimes",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PeriodRule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DueDay = table.Column<int>(type: "integer", nullable: true),
                    DueDaysAfterWindow = table.Column<int>(type: "integer", nullable: true),
                    Rounds = table.Column<string>(type: "text", nullable: false),
                    ReportingUnitCodes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReportingUnitKinds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReportingSubtree = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReceivingUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SendingMethod = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    LateSubmission = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AllowIncompleteReportTable = table.Column<bool>(type: "boolean", nullable: false),
                    Outline = table.Column<string>(type: "text", nullable: false),
                    Tables = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Amendment = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormVersions",
                schema: "forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Layout = table.Column<string>(type: "text", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormVersions_Forms_FormId",
                        column: x => x.FormId,
                        principalSchema: "forms",
                        principalTable: "Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_FormCode_UnitCode",
                schema: "forms",
                table: "Assignments",
                columns: new[] { "FormCode", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_UnitCode",
                schema: "forms",
                table: "Assignments",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_DataValueChanges_DataValueId_At",
                schema: "forms",
                table: "DataValueChanges",
                columns: new[] { "DataValueId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DataValues_FormCode_UnitCode_Period_Indicator_Column_Disagg~",
                schema: "forms",
                table: "DataValues",
                columns: new[] { "FormCode", "UnitCode", "Period", "Indicator", "Column", "Disaggregation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataValues_UnitCode_Indicator_Period",
                schema: "forms",
                table: "DataValues",
                columns: new[] { "UnitCode", "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Forms_Code",
                schema: "forms",
                table: "Forms",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Forms_RegimeCode",
                schema: "forms",
                table: "Forms",
                column: "RegimeCode");

            migrationBuilder.CreateIndex(
                name: "IX_FormVersions_FormId_Number",
                schema: "forms",
                table: "FormVersions",
                columns: new[] { "FormId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_At",
                schema: "forms",
                table: "IdempotentRequests",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt",
                schema: "forms",
                table: "OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Regimes_Code",
                schema: "forms",
                table: "Regimes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assignments",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "DataValueChanges",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "DataValues",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "FormVersions",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "IdempotentRequests",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "Regimes",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "Forms",
                schema: "forms");
        }
    }
}
