using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TournamentRankingInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rewarded_through_rank",
                table: "tournaments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rewards_started_at",
                table: "tournaments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "answered",
                table: "tournament_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "correct_answers",
                table: "tournament_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "finished_at",
                table: "tournament_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "points",
                table: "tournament_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "total_answer_ms",
                table: "tournament_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_rewarded_through",
                table: "tournaments",
                sql: "rewarded_through_rank >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_rewards_started",
                table: "tournaments",
                sql: "rewards_started_at IS NULL OR state IN ('finished', 'rewarded')");

            // ADR 0015: each entry's standing follows its session in the transaction that records an answer or ends the
            // attempt; existing entries are filled in from their sessions and answers first.
            migrationBuilder.Sql("""
                UPDATE tournament_entries e
                SET points = s.score, correct_answers = s.correct_count, finished_at = s.finished_at,
                    total_answer_ms = COALESCE((SELECT sum(a.answer_ms) FROM answer_events a WHERE a.session_id = s.id), 0),
                    answered = EXISTS (SELECT 1 FROM answer_events a WHERE a.session_id = s.id AND a.chosen_position IS NOT NULL)
                FROM game_sessions s
                WHERE s.id = e.session_id;

                CREATE FUNCTION tournament_entries_add_answer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE tournament_entries
                    SET points = points + NEW.points, correct_answers = correct_answers + NEW.is_correct::int,
                        total_answer_ms = total_answer_ms + NEW.answer_ms, answered = answered OR NEW.chosen_position IS NOT NULL
                    WHERE session_id = NEW.session_id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_answer_events_tournament_standing AFTER INSERT ON answer_events
                    FOR EACH ROW EXECUTE FUNCTION tournament_entries_add_answer();

                CREATE FUNCTION tournament_entries_end_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE tournament_entries SET finished_at = NEW.finished_at WHERE session_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_game_sessions_tournament_end AFTER UPDATE OF finished_at ON game_sessions
                    FOR EACH ROW WHEN (NEW.mode = 'tournament' AND NEW.finished_at IS DISTINCT FROM OLD.finished_at)
                    EXECUTE FUNCTION tournament_entries_end_attempt();

                -- Answers are never changed or removed while their session has an entry (entries restrict deleting sessions).
                """);

            migrationBuilder.CreateIndex(
                name: "ix_tournament_entries_ranking",
                table: "tournament_entries",
                columns: new[] { "tournament_id", "answered", "points", "total_answer_ms", "finished_at", "player_id" },
                descending: new[] { false, false, true, false, false, false });

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournament_entries_answered",
                table: "tournament_entries",
                sql: "NOT answered OR session_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournament_entries_standing",
                table: "tournament_entries",
                sql: "points >= 0 AND correct_answers >= 0 AND total_answer_ms >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_players_unranked",
                table: "players",
                column: "id",
                filter: "banned_at IS NOT NULL OR ranking_held_at IS NOT NULL OR deleted_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER tr_game_sessions_tournament_end ON game_sessions;
                DROP FUNCTION tournament_entries_end_attempt();
                DROP TRIGGER tr_answer_events_tournament_standing ON answer_events;
                DROP FUNCTION tournament_entries_add_answer();
                """);

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_rewarded_through",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_rewards_started",
                table: "tournaments");

            migrationBuilder.DropIndex(
                name: "ix_tournament_entries_ranking",
                table: "tournament_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournament_entries_answered",
                table: "tournament_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournament_entries_standing",
                table: "tournament_entries");

            migrationBuilder.DropIndex(
                name: "ix_players_unranked",
                table: "players");

            migrationBuilder.DropColumn(
                name: "rewarded_through_rank",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "rewards_started_at",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "answered",
                table: "tournament_entries");

            migrationBuilder.DropColumn(
                name: "correct_answers",
                table: "tournament_entries");

            migrationBuilder.DropColumn(
                name: "finished_at",
                table: "tournament_entries");

            migrationBuilder.DropColumn(
                name: "points",
                table: "tournament_entries");

            migrationBuilder.DropColumn(
                name: "total_answer_ms",
                table: "tournament_entries");
        }
    }
}
