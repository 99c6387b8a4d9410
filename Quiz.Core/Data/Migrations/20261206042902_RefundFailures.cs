using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RefundFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_status",
                table: "purchases");

            migrationBuilder.AddColumn<int>(
                name: "refund_attempt",
                table: "purchases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refund_failed_at",
                table: "purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refund_failure",
                table: "purchases",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refund_failure_resolved_at",
                table: "purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refund_failure_resolved_by",
                table: "purchases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_refund_attempt",
                table: "purchases",
                sql: "refund_attempt >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_refund_failed",
                table: "purchases",
                sql: "(status = 'refundfailed') = (refund_failed_at IS NOT NULL AND refund_failure IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_refund_failure_resolved",
                table: "purchases",
                sql: "refund_failure_resolved_at IS NULL OR status = 'refundfailed'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_status",
                table: "purchases",
                sql: "status IN ('completed', 'flagged', 'refundrequested', 'refunded', 'refundfailed')");

            // Refunds that a refusal left stuck before this change (their command dead in the outbox) become visible failures.
            migrationBuilder.Sql("""
                UPDATE purchases p
                SET status = 'refundfailed', refund_failure = left(coalesce(o.last_error, 'dead letter'), 500), refund_failed_at = coalesce(o.processed_at, now())
                FROM outbox_messages o
                WHERE p.status = 'refundrequested' AND o.kind = 'refund_star_payment' AND o.state = 'dead'
                  AND o.idempotency_key = 'refund:' || replace(p.id::text, '-', '');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_refund_attempt",
                table: "purchases");

            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_refund_failed",
                table: "purchases");

            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_refund_failure_resolved",
                table: "purchases");

            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_status",
                table: "purchases");

            migrationBuilder.Sql("UPDATE purchases SET status = 'refundrequested' WHERE status = 'refundfailed';");

            migrationBuilder.DropColumn(
                name: "refund_attempt",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "refund_failed_at",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "refund_failure",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "refund_failure_resolved_at",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "refund_failure_resolved_by",
                table: "purchases");

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_status",
                table: "purchases",
                sql: "status IN ('completed', 'flagged', 'refundrequested', 'refunded')");
        }
    }
}
