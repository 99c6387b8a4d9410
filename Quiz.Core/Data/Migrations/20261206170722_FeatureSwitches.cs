using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeatureSwitches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feature_switches",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_on = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feature_switches", x => x.key);
                    table.CheckConstraint("ck_feature_switches_key", "key IN ('maintenance', 'quick', 'category', 'survival', 'daily', 'duels', 'tournaments', 'shop')");
                });

            migrationBuilder.InsertData(
                table: "feature_switches",
                columns: new[] { "key", "changed_at", "changed_by", "is_on" },
                values: new object[,]
                {
                    { "category", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true },
                    { "daily", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true },
                    { "duels", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true },
                    { "maintenance", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", false },
                    { "quick", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true },
                    { "shop", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true },
                    { "survival", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true },
                    { "tournaments", new DateTimeOffset(new DateTime(2026, 12, 6, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", true }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feature_switches");
        }
    }
}
