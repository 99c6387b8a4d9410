using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupportReconciliationJoker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short[]>(
                name: "removed_positions",
                table: "session_questions",
                type: "smallint[]",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "subscription_canceled_at",
                table: "purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    day_key = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    transaction_count = table.Column<int>(type: "integer", nullable: false),
                    difference_count = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_runs", x => x.id);
                    table.CheckConstraint("ck_reconciliation_runs_done", "(status = 'requested') = (completed_at IS NULL)");
                    table.CheckConstraint("ck_reconciliation_runs_status", "status IN ('requested', 'completed', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "support_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_cases", x => x.id);
                    table.CheckConstraint("ck_support_cases_closed", "(status = 'closed') = (closed_at IS NOT NULL)");
                    table.CheckConstraint("ck_support_cases_status", "status IN ('draft', 'open', 'closed')");
                    table.CheckConstraint("ck_support_cases_text", "(status = 'draft') = (text IS NULL)");
                    table.ForeignKey(
                        name: "fk_support_cases_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    charge_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    telegram_user_id = table.Column<long>(type: "bigint", nullable: true),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: true),
                    telegram_amount = table.Column<int>(type: "integer", nullable: true),
                    recorded_amount = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_alerts", x => x.id);
                    table.CheckConstraint("ck_reconciliation_alerts_kind", "kind IN ('paymentwithoutpurchase', 'purchasewithoutpayment', 'amountmismatch', 'refundnotrecorded', 'refundmissingattelegram')");
                    table.ForeignKey(
                        name: "fk_reconciliation_alerts_reconciliation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "reconciliation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_session_questions_removed",
                table: "session_questions",
                sql: "removed_positions IS NULL OR (cardinality(removed_positions) = 2 AND removed_positions <@ ARRAY[0,1,2,3]::smallint[] AND removed_positions[1] <> removed_positions[2] AND NOT (correct_position = ANY (removed_positions)))");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_alerts_run_id",
                table: "reconciliation_alerts",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ux_reconciliation_alerts_open",
                table: "reconciliation_alerts",
                columns: new[] { "kind", "charge_id" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_runs_requested_at",
                table: "reconciliation_runs",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ux_reconciliation_runs_day_key",
                table: "reconciliation_runs",
                column: "day_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_cases_number",
                table: "support_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_cases_status_created_at",
                table: "support_cases",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_support_cases_player_draft",
                table: "support_cases",
                column: "player_id",
                unique: true,
                filter: "status = 'draft'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconciliation_alerts");

            migrationBuilder.DropTable(
                name: "support_cases");

            migrationBuilder.DropTable(
                name: "reconciliation_runs");

            migrationBuilder.DropCheckConstraint(
                name: "ck_session_questions_removed",
                table: "session_questions");

            migrationBuilder.DropColumn(
                name: "removed_positions",
                table: "session_questions");

            migrationBuilder.DropColumn(
                name: "subscription_canceled_at",
                table: "purchases");
        }
    }
}
