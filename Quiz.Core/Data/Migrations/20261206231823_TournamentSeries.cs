using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TournamentSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "series_day",
                table: "tournaments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "series_id",
                table: "tournaments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "series_number",
                table: "tournaments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tournament_series",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title_pattern = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    weekday_mask = table.Column<int>(type: "integer", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    entry_fee = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    question_count = table.Column<int>(type: "integer", nullable: false),
                    reward_tiers = table.Column<string>(type: "jsonb", nullable: true),
                    horizon_days = table.Column<int>(type: "integer", nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tournament_series", x => x.id);
                    table.CheckConstraint("ck_tournament_series_duration", "duration_minutes BETWEEN 5 AND 20160");
                    table.CheckConstraint("ck_tournament_series_entry_fee", "entry_fee IN ('free', 'ticket')");
                    table.CheckConstraint("ck_tournament_series_horizon", "horizon_days BETWEEN 1 AND 28");
                    table.CheckConstraint("ck_tournament_series_questions", "question_count BETWEEN 3 AND 30");
                    table.CheckConstraint("ck_tournament_series_reward_tiers", "reward_tiers IS NULL OR jsonb_typeof(reward_tiers) = 'array'");
                    table.CheckConstraint("ck_tournament_series_weekdays", "weekday_mask BETWEEN 1 AND 127");
                });

            migrationBuilder.CreateIndex(
                name: "ix_tournaments_series_id_series_number",
                table: "tournaments",
                columns: new[] { "series_id", "series_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_tournaments_series_day",
                table: "tournaments",
                columns: new[] { "series_id", "series_day" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_series",
                table: "tournaments",
                sql: "(series_id IS NULL) = (series_day IS NULL) AND (series_id IS NULL) = (series_number IS NULL) AND (series_number IS NULL OR series_number >= 1)");

            migrationBuilder.AddForeignKey(
                name: "fk_tournaments_tournament_series_series_id",
                table: "tournaments",
                column: "series_id",
                principalTable: "tournament_series",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tournaments_tournament_series_series_id",
                table: "tournaments");

            migrationBuilder.DropTable(
                name: "tournament_series");

            migrationBuilder.DropIndex(
                name: "ix_tournaments_series_id_series_number",
                table: "tournaments");

            migrationBuilder.DropIndex(
                name: "ux_tournaments_series_day",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_series",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "series_day",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "series_id",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "series_number",
                table: "tournaments");
        }
    }
}
