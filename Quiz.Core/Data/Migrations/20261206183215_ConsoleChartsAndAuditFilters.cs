using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsoleChartsAndAuditFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_figures",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    active_players = table.Column<int>(type: "integer", nullable: false),
                    new_players = table.Column<int>(type: "integer", nullable: false),
                    retained_players = table.Column<int>(type: "integer", nullable: true),
                    answers = table.Column<int>(type: "integer", nullable: false),
                    correct_answers = table.Column<int>(type: "integer", nullable: false),
                    stars_gross = table.Column<long>(type: "bigint", nullable: false),
                    stars_refunded = table.Column<long>(type: "bigint", nullable: false),
                    premium_active = table.Column<int>(type: "integer", nullable: false),
                    tournament_entrants = table.Column<int>(type: "integer", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_figures", x => x.day);
                    table.CheckConstraint("ck_daily_figures_counts", "active_players >= 0 AND new_players >= 0 AND answers >= 0 AND correct_answers BETWEEN 0 AND answers AND stars_gross >= 0 AND stars_refunded >= 0 AND premium_active >= 0 AND tournament_entrants >= 0");
                    table.CheckConstraint("ck_daily_figures_retained", "retained_players IS NULL OR retained_players BETWEEN 0 AND new_players");
                });

            migrationBuilder.CreateTable(
                name: "daily_mode_games",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    games = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_mode_games", x => new { x.day, x.mode });
                    table.CheckConstraint("ck_daily_mode_games_games", "games >= 0");
                    table.CheckConstraint("ck_daily_mode_games_mode", "mode IN ('quick', 'category', 'survival', 'daily', 'duel', 'tournament')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_tournament_entries_joined_at",
                table: "tournament_entries",
                column: "joined_at");

            migrationBuilder.CreateIndex(
                name: "ix_players_created_at",
                table: "players",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action_id",
                table: "audit_entries",
                columns: new[] { "action", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_trgm",
                table: "audit_entries",
                column: "actor")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_trgm",
                table: "audit_entries",
                column: "subject")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_figures");

            migrationBuilder.DropTable(
                name: "daily_mode_games");

            migrationBuilder.DropIndex(
                name: "ix_tournament_entries_joined_at",
                table: "tournament_entries");

            migrationBuilder.DropIndex(
                name: "ix_players_created_at",
                table: "players");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_action_id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_actor_trgm",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_subject_trgm",
                table: "audit_entries");
        }
    }
}
