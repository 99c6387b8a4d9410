using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlayerModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ban_notice_at",
                table: "players",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ranking_held_at",
                table: "players",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ranking_hold_reason",
                table: "players",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_players_ranking_hold_reason",
                table: "players",
                sql: "ranking_held_at IS NOT NULL OR ranking_hold_reason IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_players_ranking_hold_reason",
                table: "players");

            migrationBuilder.DropColumn(
                name: "ban_notice_at",
                table: "players");

            migrationBuilder.DropColumn(
                name: "ranking_held_at",
                table: "players");

            migrationBuilder.DropColumn(
                name: "ranking_hold_reason",
                table: "players");
        }
    }
}
