using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Deadlines.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OfficialDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deadlines_OfficialDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduleYear = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines_OfficialDays", x => x.Date);
                });

            migrationBuilder.InsertData(
                table: "deadlines_OfficialDays",
                columns: new[] { "Date", "Kind", "Name", "ScheduleYear" },
                values: new object[,]
                {
                    { new DateOnly(2023, 12, 30), "Holiday", "Tết Dương lịch", 2024 },
                    { new DateOnly(2023, 12, 31), "Holiday", "Tết Dương lịch", 2024 },
                    { new DateOnly(2024, 1, 1), "Holiday", "Tết Dương lịch", 2024 },
                    { new DateOnly(2024, 2, 8), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 9), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 10), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 11), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 12), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 13), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 2, 14), "Holiday", "Tết Nguyên đán Giáp Thìn", 2024 },
                    { new DateOnly(2024, 4, 18), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2024 },
                    { new DateOnly(2024, 4, 27), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 4, 28), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 4, 29), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 4, 30), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 5, 1), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2024 },
                    { new DateOnly(2024, 5, 4), "WorkingSaturday", "làm bù cho ngày 29/04/2024", 2024 },
                    { new DateOnly(2024, 8, 31), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2024, 9, 1), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2024, 9, 2), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2024, 9, 3), "Holiday", "Quốc khánh", 2024 },
                    { new DateOnly(2025, 1, 1), "Holiday", "Tết Dương lịch", 2025 },
                    { new DateOnly(2025, 1, 25), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 26), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 27), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 28), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 29), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 30), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 1, 31), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 2, 1), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 2, 2), "Holiday", "Tết Nguyên đán Ất Tỵ", 2025 },
                    { new DateOnly(2025, 4, 5), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025 },
                    { new DateOnly(2025, 4, 6), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025 },
                    { new DateOnly(2025, 4, 7), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025 },
                    { new DateOnly(2025, 4, 26), "WorkingSaturday", "làm bù cho ngày 02/05/2025", 2025 },
                    { new DateOnly(2025, 4, 30), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 1), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 2), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 3), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 5, 4), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2025 },
                    { new DateOnly(2025, 8, 30), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2025, 8, 31), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2025, 9, 1), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2025, 9, 2), "Holiday", "Quốc khánh", 2025 },
                    { new DateOnly(2026, 1, 1), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 2), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 3), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 4), "Holiday", "Tết Dương lịch", 2026 },
                    { new DateOnly(2026, 1, 10), "WorkingSaturday", "làm bù cho ngày 02/01/2026", 2026 },
                    { new DateOnly(2026, 2, 14), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 15), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 16), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 17), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 18), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 19), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 20), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 21), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 2, 22), "Holiday", "Tết Nguyên đán Bính Ngọ", 2026 },
                    { new DateOnly(2026, 4, 25), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2026 },
                    { new DateOnly(2026, 4, 26), "Holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2026 },
                    { new DateOnly(2026, 4, 27), "Compensatory", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", 2026 },
                    { new DateOnly(2026, 4, 30), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 5, 1), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 5, 2), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 5, 3), "Holiday", "Ngày Chiến thắng và Quốc tế Lao động", 2026 },
                    { new DateOnly(2026, 8, 22), "WorkingSaturday", "làm bù cho ngày 31/08/2026", 2026 },
                    { new DateOnly(2026, 8, 29), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 8, 30), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 8, 31), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 9, 1), "Holiday", "Quốc khánh", 2026 },
                    { new DateOnly(2026, 9, 2), "Holiday", "Quốc khánh", 2026 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_OfficialDays_ScheduleYear",
                table: "deadlines_OfficialDays",
                column: "ScheduleYear");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines_OfficialDays");
        }
    }
}
