using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncrementalReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_step_at",
                table: "reconciliation_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "next_offset",
                table: "reconciliation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "settled_offset",
                table: "reconciliation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "start_offset",
                table: "reconciliation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "steps",
                table: "reconciliation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "telegram_listed_at",
                table: "purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "telegram_refund_listed_at",
                table: "purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reconciliation_cursor",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    last_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_cursor", x => x.id);
                    table.CheckConstraint("ck_reconciliation_cursor_position", "position >= 0");
                    table.CheckConstraint("ck_reconciliation_cursor_singleton", "id = 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_runs_status",
                table: "reconciliation_runs",
                column: "status",
                filter: "status = 'requested'");

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_alerts_charge_id",
                table: "reconciliation_alerts",
                column: "charge_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_not_listed",
                table: "purchases",
                column: "created_at",
                filter: "telegram_listed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_refund_not_listed",
                table: "purchases",
                column: "refunded_at",
                filter: "status = 'refunded' AND telegram_refund_listed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconciliation_cursor");

            migrationBuilder.DropIndex(
                name: "ix_reconciliation_runs_status",
                table: "reconciliation_runs");

            migrationBuilder.DropIndex(
                name: "ix_reconciliation_alerts_charge_id",
                table: "reconciliation_alerts");

            migrationBuilder.DropIndex(
                name: "ix_purchases_not_listed",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ix_purchases_refund_not_listed",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "last_step_at",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "next_offset",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "settled_offset",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "start_offset",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "steps",
                table: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "telegram_listed_at",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "telegram_refund_listed_at",
                table: "purchases");
        }
    }
}
