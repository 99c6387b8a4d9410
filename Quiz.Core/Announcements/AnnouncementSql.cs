using System.Globalization;
using Quiz.Core.Messaging;

namespace Quiz.Core.Announcements;

/// <summary>
/// The set-based statements of announcements. The audience (players not deleted, not blocking the bot, not banned, and
/// seen since <c>$since</c> when that is given) is one condition shared by the count and the fan-out, so the count the
/// operator confirms is the audience the batches write.
/// </summary>
internal static class AnnouncementSql
{
    /// <summary>Why a row was not delivered although nothing failed: the announcement was canceled.</summary>
    public const string CanceledReason = "announcement canceled";

    /// <summary>The reasons the dispatcher records for a player who blocked the bot (its check, or Telegram's 403 "Forbidden: …").</summary>
    private const string Skipped = $"""
        coalesce((state = 'dead' AND (last_error = '{CanceledReason}' OR last_error = 'player blocked the bot' OR last_error LIKE 'Forbidden%'))
         OR (state = 'sent' AND result LIKE '%"skipped"%'), false)
        """;

    private static string Audience(string since) =>
        $"p.deleted_at IS NULL AND p.blocked_bot_at IS NULL AND p.banned_at IS NULL AND ({since}::timestamptz IS NULL OR p.last_seen_at >= {since})";

    /// <summary>$1 seen since (null: everyone).</summary>
    public static readonly string Count = $"SELECT count(*) FROM players p WHERE {Audience("$1")}";

    private static readonly string Lane = ((short)OutboxLanes.Of(OutboxKinds.Announcement, null)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One batch: the next <c>$4</c> players of the audience after player id <c>$2</c>, one outbox row each under the unique key
    /// <c>$6 || player id</c> (<c>ON CONFLICT DO NOTHING</c>: a batch written twice writes nothing twice). Returns the last
    /// player id of the batch, its size and the rows written. $1 announcement, $3 seen since, $5 now.
    /// </summary>
    public static readonly string FanOut = $"""
        WITH batch AS (
            SELECT p.id, p.telegram_user_id FROM players p
            WHERE p.id > $2 AND {Audience("$3")}
            ORDER BY p.id
            LIMIT $4
        ), written AS (
            INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, idempotency_key, created_at, available_at)
            SELECT '{OutboxKinds.Announcement}', {Lane}, b.telegram_user_id, jsonb_build_object('announcementId', $1::uuid), 'pending', 0, $6 || b.id, $5, $5
            FROM batch b ORDER BY b.id
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING 1
        )
        SELECT coalesce((SELECT max(id) FROM batch), 0), (SELECT count(*) FROM batch), (SELECT count(*) FROM written)
        """;

    /// <summary>$1 key pattern: pending, sent, failed, skipped (ix_outbox_messages_announcement).</summary>
    public const string Progress = $"""
        SELECT count(*) FILTER (WHERE state = 'pending'),
               count(*) FILTER (WHERE state = 'sent' AND NOT {Skipped}),
               count(*) FILTER (WHERE state IN ('dead', 'failed') AND NOT {Skipped}),
               count(*) FILTER (WHERE {Skipped})
        FROM outbox_messages WHERE kind = '{OutboxKinds.Announcement}' AND idempotency_key LIKE $1
        """;

    /// <summary>Every row still waiting is finished as skipped: $1 key pattern, $2 now.</summary>
    public const string Cancel = $"""
        UPDATE outbox_messages SET state = 'dead', processed_at = $2, locked_until = NULL, last_error = '{CanceledReason}'
        WHERE kind = '{OutboxKinds.Announcement}' AND idempotency_key LIKE $1 AND state = 'pending'
        """;

    public static string KeyPrefix(Guid id) => $"announcement:{id:N}:";

    public static string KeyPattern(Guid id) => KeyPrefix(id) + "%";
}
