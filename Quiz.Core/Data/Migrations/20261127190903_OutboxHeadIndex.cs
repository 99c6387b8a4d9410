using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxHeadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The dispatcher's claim picks the oldest pending row per chat (DISTINCT ON); an
            // expression index EF cannot model keeps that cheap with a backlog.
            migrationBuilder.Sql(
                "CREATE INDEX ix_outbox_messages_pending_head ON outbox_messages ((chat_id IS NULL), (coalesce(chat_id, id)), id) WHERE state = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_outbox_messages_pending_head");
        }
    }
}
