using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoCao.Accounts.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddExchangeKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_ExchangePartners",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Jwks = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_ExchangePartners", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "accounts_ReceivedPackets",
                columns: table => new
                {
                    PacketId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_ReceivedPackets", x => x.PacketId);
                });

            migrationBuilder.CreateTable(
                name: "accounts_SigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    X = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Y = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_SigningKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_SigningKeys_KeyId",
                table: "accounts_SigningKeys",
                column: "KeyId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_ExchangePartners");

            migrationBuilder.DropTable(
                name: "accounts_ReceivedPackets");

            migrationBuilder.DropTable(
                name: "accounts_SigningKeys");
        }
    }
}
