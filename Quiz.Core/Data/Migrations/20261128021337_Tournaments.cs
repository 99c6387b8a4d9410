using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Tournaments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tournaments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entry_fee = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    question_count = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    question_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rewarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tournaments", x => x.id);
                    table.CheckConstraint("ck_tournaments_entry_fee", "entry_fee IN ('free', 'ticket')");
                    table.CheckConstraint("ck_tournaments_finished", "(state IN ('finished', 'rewarded')) = (finished_at IS NOT NULL)");
                    table.CheckConstraint("ck_tournaments_questions", "question_count BETWEEN 3 AND 30");
                    table.CheckConstraint("ck_tournaments_rewarded", "(state = 'rewarded') = (rewarded_at IS NOT NULL)");
                    table.CheckConstraint("ck_tournaments_started", "(state IN ('active', 'finished', 'rewarded')) = (started_at IS NOT NULL AND question_set_id IS NOT NULL)");
                    table.CheckConstraint("ck_tournaments_state", "state IN ('draft', 'scheduled', 'active', 'finished', 'rewarded')");
                    table.CheckConstraint("ck_tournaments_window", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_tournaments_question_sets_question_set_id",
                        column: x => x.question_set_id,
                        principalTable: "question_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tournament_entries",
                columns: table => new
                {
                    tournament_id = table.Column<Guid>(type: "uuid", nullable: false),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    paid_with_ticket = table.Column<bool>(type: "boolean", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tournament_entries", x => new { x.tournament_id, x.player_id });
                    table.ForeignKey(
                        name: "fk_tournament_entries_game_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "game_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tournament_entries_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tournament_entries_tournaments_tournament_id",
                        column: x => x.tournament_id,
                        principalTable: "tournaments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tournament_results",
                columns: table => new
                {
                    tournament_id = table.Column<Guid>(type: "uuid", nullable: false),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    correct_answers = table.Column<int>(type: "integer", nullable: false),
                    total_answer_ms = table.Column<long>(type: "bigint", nullable: false),
                    reward = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tournament_results", x => new { x.tournament_id, x.player_id });
                    table.CheckConstraint("ck_tournament_results_rank", "rank >= 1");
                    table.ForeignKey(
                        name: "fk_tournament_results_tournament_entries_tournament_id_player_",
                        columns: x => new { x.tournament_id, x.player_id },
                        principalTable: "tournament_entries",
                        principalColumns: new[] { "tournament_id", "player_id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tournament_results_tournaments_tournament_id",
                        column: x => x.tournament_id,
                        principalTable: "tournaments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tournament_entries_player_id",
                table: "tournament_entries",
                column: "player_id");

            migrationBuilder.CreateIndex(
                name: "ix_tournament_entries_session_id",
                table: "tournament_entries",
                column: "session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tournament_results_tournament_id_rank",
                table: "tournament_results",
                columns: new[] { "tournament_id", "rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tournaments_question_set_id",
                table: "tournaments",
                column: "question_set_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tournaments_state_starts_at",
                table: "tournaments",
                columns: new[] { "state", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tournament_results");

            migrationBuilder.DropTable(
                name: "tournament_entries");

            migrationBuilder.DropTable(
                name: "tournaments");
        }
    }
}
