using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Messaging;

namespace Quiz.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages", t =>
        {
            t.HasCheckConstraint("ck_outbox_messages_state", EnumColumns.InList<OutboxState>("state"));
            t.HasCheckConstraint("ck_outbox_messages_kind", "kind ~ '^[a-z][a-z_]*$'");
            t.HasCheckConstraint("ck_outbox_messages_attempts", "attempts >= 0");
            t.HasCheckConstraint("ck_outbox_messages_lane", "lane BETWEEN 1 AND 3");
            t.HasCheckConstraint("ck_outbox_messages_processed_at", "(state = 'pending') = (processed_at IS NULL)");
        });
        b.Property(m => m.Id).UseIdentityAlwaysColumn();
        b.Property(m => m.Kind).HasMaxLength(40);
        b.Property(m => m.Payload).HasColumnType("jsonb");
        b.Property(m => m.State).HasEnumText();
        // A row written by plain SQL without a lane (a bulk insert) waits with the bulk; OutboxWriter always sets one.
        b.Property(m => m.Lane).HasConversion<short>().HasDefaultValue(OutboxLane.Bulk).HasSentinel((OutboxLane)0);
        b.Property(m => m.IdempotencyKey).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.Result).HasMaxLength(2000);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();

        // The dispatcher's claim query: pending rows by lane (highest first), then in order of availability.
        b.HasIndex(m => new { m.Lane, m.AvailableAt, m.Id })
            .HasDatabaseName("ix_outbox_messages_pending")
            .HasFilter("state = 'pending'");
        b.HasIndex(m => new { m.ChatId, m.Id });

        // "Does this chat have replies waiting?" — asked before every direct reply (the bot's ChatBacklog) — and the
        // claim's "which is this chat's oldest pending row?" (a chat has few pending rows).
        b.HasIndex(m => m.ChatId).HasDatabaseName("ix_outbox_messages_pending_chat").HasFilter("state = 'pending'");

        // An announcement's rows by their key prefix (progress, cancel), without touching any other kind's inserts.
        b.HasIndex(m => m.IdempotencyKey, "ix_outbox_messages_announcement").HasDatabaseName("ix_outbox_messages_announcement")
            .HasOperators("text_pattern_ops").HasFilter("kind = 'announcement'");

        // Housekeeping's purge of old sent/dead rows finds its batches without scanning the table.
        b.HasIndex(m => new { m.State, m.ProcessedAt }).HasDatabaseName("ix_outbox_messages_finished").HasFilter("state <> 'pending'");
    }
}
