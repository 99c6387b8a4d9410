using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlayerDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_players_telegram_user_id_positive",
                table: "players");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "players",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "deletion_token",
                table: "players",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deletion_token_expires_at",
                table: "players",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_players_deleted_anonymous",
                table: "players",
                sql: "deleted_at IS NULL OR (telegram_user_id < 0 AND first_name = '' AND username IS NULL AND language_code IS NULL AND deletion_token IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_players_deletion_token",
                table: "players",
                sql: "(deletion_token IS NULL) = (deletion_token_expires_at IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_players_telegram_user_id_positive",
                table: "players",
                sql: "telegram_user_id > 0 OR deleted_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_players_deleted_anonymous",
                table: "players");

            migrationBuilder.DropCheckConstraint(
                name: "ck_players_deletion_token",
                table: "players");

            migrationBuilder.DropCheckConstraint(
                name: "ck_players_telegram_user_id_positive",
                table: "players");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "players");

            migrationBuilder.DropColumn(
                name: "deletion_token",
                table: "players");

            migrationBuilder.DropColumn(
                name: "deletion_token_expires_at",
                table: "players");

            migrationBuilder.AddCheckConstraint(
                name: "ck_players_telegram_user_id_positive",
                table: "players",
                sql: "telegram_user_id > 0");
        }
    }
}
