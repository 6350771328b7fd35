using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Accounts.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class TwoFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthenticatorKey",
                schema: "accounts",
                table: "Accounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                schema: "accounts",
                table: "Accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LastTotpStep",
                schema: "accounts",
                table: "Accounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "RecoveryCodeHashes",
                schema: "accounts",
                table: "Accounts",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthenticatorKey",
                schema: "accounts",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                schema: "accounts",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "LastTotpStep",
                schema: "accounts",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "RecoveryCodeHashes",
                schema: "accounts",
                table: "Accounts");
        }
    }
}
