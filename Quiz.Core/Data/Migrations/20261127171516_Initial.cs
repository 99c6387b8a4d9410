using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.CheckConstraint("ck_categories_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.CheckConstraint("ck_outbox_messages_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_outbox_messages_kind", "kind ~ '^[a-z][a-z_]*$'");
                    table.CheckConstraint("ck_outbox_messages_processed_at", "(state = 'pending') = (processed_at IS NULL)");
                    table.CheckConstraint("ck_outbox_messages_state", "state IN ('pending', 'sent', 'failed', 'dead')");
                });

            migrationBuilder.CreateTable(
                name: "players",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    telegram_user_id = table.Column<long>(type: "bigint", nullable: false),
                    first_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    language_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_bot_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    banned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ban_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_players", x => x.id);
                    table.CheckConstraint("ck_players_ban_reason", "banned_at IS NOT NULL OR ban_reason IS NULL");
                    table.CheckConstraint("ck_players_telegram_user_id_positive", "telegram_user_id > 0");
                });

            migrationBuilder.CreateTable(
                name: "processed_updates",
                columns: table => new
                {
                    update_id = table.Column<long>(type: "bigint", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_updates", x => x.update_id);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    difficulty = table.Column<short>(type: "smallint", nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    options = table.Column<string[]>(type: "text[]", nullable: false),
                    correct_option = table.Column<short>(type: "smallint", nullable: false),
                    explanation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    pattern_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                    table.CheckConstraint("ck_questions_correct_option", "correct_option BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_questions_difficulty", "difficulty BETWEEN 1 AND 3");
                    table.CheckConstraint("ck_questions_explanation_length", "char_length(explanation) BETWEEN 1 AND 200");
                    table.CheckConstraint("ck_questions_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_questions_options", "cardinality(options) = 4 AND array_position(options, NULL) IS NULL AND char_length(options[1]) BETWEEN 1 AND 100 AND char_length(options[2]) BETWEEN 1 AND 100 AND char_length(options[3]) BETWEEN 1 AND 100 AND char_length(options[4]) BETWEEN 1 AND 100 AND options[1] <> options[2] AND options[1] <> options[3] AND options[1] <> options[4] AND options[2] <> options[3] AND options[2] <> options[4] AND options[3] <> options[4]");
                    table.CheckConstraint("ck_questions_source_note", "char_length(source_note) >= 1");
                    table.CheckConstraint("ck_questions_status", "status IN ('active', 'suspended', 'retired')");
                    table.CheckConstraint("ck_questions_text_length", "char_length(text) BETWEEN 1 AND 300");
                    table.ForeignKey(
                        name: "fk_questions_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "game_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    category_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    question_count = table.Column<int>(type: "integer", nullable: true),
                    score = table.Column<int>(type: "integer", nullable: false),
                    correct_count = table.Column<int>(type: "integer", nullable: false),
                    best_streak = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_game_sessions", x => x.id);
                    table.CheckConstraint("ck_game_sessions_category_mode", "mode <> 'category' OR category_id IS NOT NULL");
                    table.CheckConstraint("ck_game_sessions_counters", "score >= 0 AND correct_count >= 0 AND best_streak >= 0");
                    table.CheckConstraint("ck_game_sessions_finished_at", "(state IN ('finished', 'abandoned')) = (finished_at IS NOT NULL)");
                    table.CheckConstraint("ck_game_sessions_mode", "mode IN ('quick', 'category', 'survival', 'daily', 'duel', 'tournament')");
                    table.CheckConstraint("ck_game_sessions_question_count", "question_count IS NULL OR question_count > 0");
                    table.CheckConstraint("ck_game_sessions_state", "state IN ('active', 'paused', 'finished', 'abandoned')");
                    table.ForeignKey(
                        name: "fk_game_sessions_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_game_sessions_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_questions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    question_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    option_order = table.Column<short[]>(type: "smallint[]", nullable: false),
                    correct_position = table.Column<short>(type: "smallint", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    message_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_questions", x => new { x.session_id, x.ordinal });
                    table.CheckConstraint("ck_session_questions_correct_position", "correct_position BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_session_questions_option_order", "cardinality(option_order) = 4 AND option_order @> ARRAY[0,1,2,3]::smallint[]");
                    table.CheckConstraint("ck_session_questions_ordinal", "ordinal >= 0");
                    table.CheckConstraint("ck_session_questions_window", "(sent_at IS NULL AND deadline_at IS NULL) OR (sent_at IS NOT NULL AND deadline_at > sent_at)");
                    table.ForeignKey(
                        name: "fk_session_questions_game_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "game_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_questions_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "answer_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    question_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    chosen_position = table.Column<short>(type: "smallint", nullable: true),
                    is_correct = table.Column<bool>(type: "boolean", nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    answer_ms = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_answer_events", x => x.id);
                    table.CheckConstraint("ck_answer_events_answer_ms", "answer_ms >= 0");
                    table.CheckConstraint("ck_answer_events_chosen_position", "chosen_position IS NULL OR chosen_position BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_answer_events_points", "points BETWEEN 0 AND 150");
                    table.CheckConstraint("ck_answer_events_points_need_correct", "is_correct OR points = 0");
                    table.CheckConstraint("ck_answer_events_timeout_is_wrong", "chosen_position IS NOT NULL OR NOT is_correct");
                    table.ForeignKey(
                        name: "fk_answer_events_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_answer_events_session_questions_session_id_ordinal",
                        columns: x => new { x.session_id, x.ordinal },
                        principalTable: "session_questions",
                        principalColumns: new[] { "session_id", "ordinal" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_answer_events_created_at",
                table: "answer_events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_answer_events_player_id_created_at",
                table: "answer_events",
                columns: new[] { "player_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_answer_events_question_id_created_at",
                table: "answer_events",
                columns: new[] { "question_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_answer_events_session_ordinal",
                table: "answer_events",
                columns: new[] { "session_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_categories_name",
                table: "categories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_game_sessions_category_id",
                table: "game_sessions",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_game_sessions_open_last_activity",
                table: "game_sessions",
                column: "last_activity_at",
                filter: "state IN ('active', 'paused')");

            migrationBuilder.CreateIndex(
                name: "ix_game_sessions_player_id_started_at",
                table: "game_sessions",
                columns: new[] { "player_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_game_sessions_started_at",
                table: "game_sessions",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_chat_id_id",
                table: "outbox_messages",
                columns: new[] { "chat_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_idempotency_key",
                table: "outbox_messages",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                columns: new[] { "available_at", "id" },
                filter: "state = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_players_telegram_user_id",
                table: "players",
                column: "telegram_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_processed_updates_processed_at",
                table: "processed_updates",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_questions_category_id_status",
                table: "questions",
                columns: new[] { "category_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_pattern_key",
                table: "questions",
                column: "pattern_key");

            migrationBuilder.CreateIndex(
                name: "ix_session_questions_question_id",
                table: "session_questions",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_questions_session_id_question_id",
                table: "session_questions",
                columns: new[] { "session_id", "question_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "answer_events");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "processed_updates");

            migrationBuilder.DropTable(
                name: "session_questions");

            migrationBuilder.DropTable(
                name: "game_sessions");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "players");

            migrationBuilder.DropTable(
                name: "categories");
        }
    }
}
