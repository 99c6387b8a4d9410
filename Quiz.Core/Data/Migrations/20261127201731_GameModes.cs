using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class GameModes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "extra_life_used",
                table: "game_sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "question_set_id",
                table: "game_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "question_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    question_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_reports", x => x.id);
                    table.CheckConstraint("ck_question_reports_reason", "reason IN ('wronganswer', 'typo', 'unclear', 'outdated')");
                    table.CheckConstraint("ck_question_reports_resolved", "(status = 'open') = (resolved_at IS NULL)");
                    table.CheckConstraint("ck_question_reports_status", "status IN ('open', 'upheld', 'dismissed')");
                    table.ForeignKey(
                        name: "fk_question_reports_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_question_reports_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "question_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_sets", x => x.id);
                    table.CheckConstraint("ck_question_sets_kind", "kind IN ('daily', 'duel', 'tournament')");
                });

            migrationBuilder.CreateTable(
                name: "duels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    question_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    challenger_id = table.Column<long>(type: "bigint", nullable: false),
                    challenger_session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opponent_id = table.Column<long>(type: "bigint", nullable: true),
                    opponent_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duels", x => x.id);
                    table.CheckConstraint("ck_duels_accepted_state", "state IN ('open', 'expired') OR opponent_id IS NOT NULL");
                    table.CheckConstraint("ck_duels_code", "code ~ '^[a-z0-9]{10}$'");
                    table.CheckConstraint("ck_duels_completed", "(state = 'completed') = (completed_at IS NOT NULL)");
                    table.CheckConstraint("ck_duels_expiry", "expires_at > created_at");
                    table.CheckConstraint("ck_duels_not_self", "opponent_id IS NULL OR opponent_id <> challenger_id");
                    table.CheckConstraint("ck_duels_opponent", "(opponent_id IS NULL) = (opponent_session_id IS NULL) AND (opponent_id IS NULL) = (accepted_at IS NULL)");
                    table.CheckConstraint("ck_duels_state", "state IN ('open', 'accepted', 'completed', 'expired')");
                    table.ForeignKey(
                        name: "fk_duels_game_sessions_challenger_session_id",
                        column: x => x.challenger_session_id,
                        principalTable: "game_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_duels_game_sessions_opponent_session_id",
                        column: x => x.opponent_session_id,
                        principalTable: "game_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_duels_players_challenger_id",
                        column: x => x.challenger_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_duels_players_opponent_id",
                        column: x => x.opponent_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_duels_question_sets_question_set_id",
                        column: x => x.question_set_id,
                        principalTable: "question_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "question_set_items",
                columns: table => new
                {
                    set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    question_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    option_order = table.Column<short[]>(type: "smallint[]", nullable: false),
                    correct_position = table.Column<short>(type: "smallint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_set_items", x => new { x.set_id, x.ordinal });
                    table.CheckConstraint("ck_question_set_items_correct_position", "correct_position BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_question_set_items_option_order", "cardinality(option_order) = 4 AND option_order @> ARRAY[0,1,2,3]::smallint[]");
                    table.CheckConstraint("ck_question_set_items_ordinal", "ordinal >= 0");
                    table.ForeignKey(
                        name: "fk_question_set_items_question_sets_set_id",
                        column: x => x.set_id,
                        principalTable: "question_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_question_set_items_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_game_sessions_question_set_id_state",
                table: "game_sessions",
                columns: new[] { "question_set_id", "state" },
                filter: "question_set_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_game_sessions_player_question_set",
                table: "game_sessions",
                columns: new[] { "player_id", "question_set_id" },
                unique: true,
                filter: "question_set_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_game_sessions_extra_life",
                table: "game_sessions",
                sql: "NOT extra_life_used OR mode = 'survival'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_game_sessions_shared_set",
                table: "game_sessions",
                sql: "(mode IN ('daily', 'duel', 'tournament')) = (question_set_id IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_duels_challenger_id",
                table: "duels",
                column: "challenger_id");

            migrationBuilder.CreateIndex(
                name: "ix_duels_challenger_session_id",
                table: "duels",
                column: "challenger_session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_duels_code",
                table: "duels",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_duels_open_expires_at",
                table: "duels",
                column: "expires_at",
                filter: "state = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_duels_opponent_id",
                table: "duels",
                column: "opponent_id");

            migrationBuilder.CreateIndex(
                name: "ix_duels_opponent_session_id",
                table: "duels",
                column: "opponent_session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_duels_question_set_id",
                table: "duels",
                column: "question_set_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_question_reports_player_id",
                table: "question_reports",
                column: "player_id");

            migrationBuilder.CreateIndex(
                name: "ix_question_reports_status_created_at",
                table: "question_reports",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_question_reports_open_per_player",
                table: "question_reports",
                columns: new[] { "question_id", "player_id" },
                unique: true,
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_question_set_items_question_id",
                table: "question_set_items",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_question_set_items_set_id_question_id",
                table: "question_set_items",
                columns: new[] { "set_id", "question_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_question_sets_kind_key",
                table: "question_sets",
                columns: new[] { "kind", "key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_game_sessions_question_sets_question_set_id",
                table: "game_sessions",
                column: "question_set_id",
                principalTable: "question_sets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_game_sessions_question_sets_question_set_id",
                table: "game_sessions");

            migrationBuilder.DropTable(
                name: "duels");

            migrationBuilder.DropTable(
                name: "question_reports");

            migrationBuilder.DropTable(
                name: "question_set_items");

            migrationBuilder.DropTable(
                name: "question_sets");

            migrationBuilder.DropIndex(
                name: "ix_game_sessions_question_set_id_state",
                table: "game_sessions");

            migrationBuilder.DropIndex(
                name: "ux_game_sessions_player_question_set",
                table: "game_sessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_game_sessions_extra_life",
                table: "game_sessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_game_sessions_shared_set",
                table: "game_sessions");

            migrationBuilder.DropColumn(
                name: "extra_life_used",
                table: "game_sessions");

            migrationBuilder.DropColumn(
                name: "question_set_id",
                table: "game_sessions");
        }
    }
}
