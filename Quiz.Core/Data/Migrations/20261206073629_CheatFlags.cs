using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheatFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "fast_answers",
                table: "game_sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "anticheat_cursor",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_answer_id = table.Column<long>(type: "bigint", nullable: false),
                    refunds_checked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duels_checked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_anticheat_cursor", x => x.id);
                    table.CheckConstraint("ck_anticheat_cursor_position", "last_answer_id >= 0");
                    table.CheckConstraint("ck_anticheat_cursor_singleton", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "cheat_flags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resolution_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cheat_flags", x => x.id);
                    table.CheckConstraint("ck_cheat_flags_kind", "kind IN ('fastanswers', 'steadyperfect', 'lockstep', 'freshcluster', 'refundabuse', 'manual')");
                    table.CheckConstraint("ck_cheat_flags_resolution", "(status = 'open') = (resolved_at IS NULL) AND (status = 'open') = (resolved_by IS NULL)");
                    table.CheckConstraint("ck_cheat_flags_score", "score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_cheat_flags_status", "status IN ('open', 'dismissed', 'confirmed')");
                    table.ForeignKey(
                        name: "fk_cheat_flags_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cheat_flags_open_score",
                table: "cheat_flags",
                columns: new[] { "score", "id" },
                descending: new bool[0],
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ux_cheat_flags_player_kind_subject",
                table: "cheat_flags",
                columns: new[] { "player_id", "kind", "subject" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "anticheat_cursor");

            migrationBuilder.DropTable(
                name: "cheat_flags");

            migrationBuilder.DropColumn(
                name: "fast_answers",
                table: "game_sessions");
        }
    }
}
