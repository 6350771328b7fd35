using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Accounts.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AccountRequestsAndPasswordLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "accounts_SecurityLog",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounts_AccountRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GrantUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncludeSubUnits = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_AccountRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_SetPasswordLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_SetPasswordLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_AccountRequests_RequestingUnitId",
                table: "accounts_AccountRequests",
                column: "RequestingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_AccountRequests_Status_DueAt",
                table: "accounts_AccountRequests",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_SetPasswordLinks_AccountId",
                table: "accounts_SetPasswordLinks",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_SetPasswordLinks_TokenHash",
                table: "accounts_SetPasswordLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_AccountRequests");

            migrationBuilder.DropTable(
                name: "accounts_SetPasswordLinks");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "accounts_SecurityLog");
        }
    }
}
