using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages");

            migrationBuilder.AddColumn<short>(
                name: "lane",
                table: "outbox_messages",
                type: "smallint",
                nullable: false,
                defaultValue: (short)3);

            // Rows still pending at the upgrade get the lane OutboxLanes.Of gives them (finished rows keep the default).
            migrationBuilder.Sql("""
                UPDATE outbox_messages SET lane = CASE
                    WHEN kind IN ('send_message', 'edit_message', 'delete_message', 'send_invoice') THEN 1
                    WHEN kind IN ('refund_star_payment', 'cancel_star_subscription', 'reconcile_star_transactions') THEN 2
                    WHEN kind = 'notice' AND payload->>'topic' IN ('game.question_timed_out', 'game.ended') THEN 1
                    WHEN kind = 'notice' AND payload->>'topic' LIKE 'economy.%' THEN 2
                    ELSE 3 END
                WHERE state = 'pending';
                """);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                columns: new[] { "lane", "available_at", "id" },
                filter: "state = 'pending'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_outbox_messages_lane",
                table: "outbox_messages",
                sql: "lane BETWEEN 1 AND 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages");

            migrationBuilder.DropCheckConstraint(
                name: "ck_outbox_messages_lane",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "lane",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                columns: new[] { "available_at", "id" },
                filter: "state = 'pending'");
        }
    }
}
