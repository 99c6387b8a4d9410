using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Announcements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    active_within_days = table.Column<int>(type: "integer", nullable: true),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    send_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    active_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recipients = table.Column<int>(type: "integer", nullable: false),
                    fanned_out_through = table.Column<long>(type: "bigint", nullable: false),
                    queued = table.Column<int>(type: "integer", nullable: false),
                    fanned_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    canceled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    canceled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_count = table.Column<int>(type: "integer", nullable: false),
                    failed_count = table.Column<int>(type: "integer", nullable: false),
                    skipped_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_announcements", x => x.id);
                    table.CheckConstraint("ck_announcements_canceled", "(state = 'canceled') = (canceled_at IS NOT NULL)");
                    table.CheckConstraint("ck_announcements_counts", "recipients >= 0 AND queued >= 0 AND sent_count >= 0 AND failed_count >= 0 AND skipped_count >= 0");
                    table.CheckConstraint("ck_announcements_days", "active_within_days IS NULL OR active_within_days BETWEEN 1 AND 3650");
                    table.CheckConstraint("ck_announcements_sending", "(state = 'draft') = (send_started_at IS NULL)");
                    table.CheckConstraint("ck_announcements_state", "state IN ('draft', 'sending', 'sent', 'canceled')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_announcement",
                table: "outbox_messages",
                column: "idempotency_key",
                filter: "kind = 'announcement'")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_announcements_created_at",
                table: "announcements",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcements");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_announcement",
                table: "outbox_messages");
        }
    }
}
