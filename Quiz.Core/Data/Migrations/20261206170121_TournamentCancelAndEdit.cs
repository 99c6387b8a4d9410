using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TournamentCancelAndEdit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_started",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_state",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ledger_entries_reason",
                table: "ledger_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ledger_entries_sign",
                table: "ledger_entries");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancel_completed_at",
                table: "tournaments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "tournaments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_cancelled",
                table: "tournaments",
                sql: "(state = 'cancelled') = (cancelled_at IS NOT NULL) AND (cancel_completed_at IS NULL OR state = 'cancelled')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_started",
                table: "tournaments",
                sql: "state = 'cancelled' OR (state IN ('active', 'finished', 'rewarded')) = (started_at IS NOT NULL AND question_set_id IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_state",
                table: "tournaments",
                sql: "state IN ('draft', 'scheduled', 'active', 'finished', 'rewarded', 'cancelled')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ledger_entries_reason",
                table: "ledger_entries",
                sql: "reason IN ('purchase', 'consumption', 'refund', 'reward', 'adjustment', 'returned')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ledger_entries_sign",
                table: "ledger_entries",
                sql: "(reason IN ('purchase', 'reward', 'returned') AND delta > 0) OR (reason IN ('consumption', 'refund') AND delta < 0) OR reason = 'adjustment'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_cancelled",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_started",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tournaments_state",
                table: "tournaments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ledger_entries_reason",
                table: "ledger_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ledger_entries_sign",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "cancel_completed_at",
                table: "tournaments");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "tournaments");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_started",
                table: "tournaments",
                sql: "(state IN ('active', 'finished', 'rewarded')) = (started_at IS NOT NULL AND question_set_id IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tournaments_state",
                table: "tournaments",
                sql: "state IN ('draft', 'scheduled', 'active', 'finished', 'rewarded')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ledger_entries_reason",
                table: "ledger_entries",
                sql: "reason IN ('purchase', 'consumption', 'refund', 'reward', 'adjustment')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ledger_entries_sign",
                table: "ledger_entries",
                sql: "(reason IN ('purchase', 'reward') AND delta > 0) OR (reason IN ('consumption', 'refund') AND delta < 0) OR reason = 'adjustment'");
        }
    }
}
