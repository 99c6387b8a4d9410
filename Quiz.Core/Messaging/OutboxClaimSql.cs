namespace Quiz.Core.Messaging;

/// <summary>
/// The outbox's two claims. Both lease with <c>FOR UPDATE … SKIP LOCKED</c> and claim a chat's oldest pending row (its
/// head), so a chat's order holds across replicas and a reply behind the chat's bulk notice lifts that notice.
/// </summary>
internal static class OutboxClaimSql
{
    /// <summary>How many candidates per claimed row the lane-order claim reads at most (several of a chat lead to the same head).</summary>
    public const int ScanFactor = 4;

    /// <summary>
    /// How many candidates the quiet claim reads at most: the interactive and payment lanes hold a few hundred rows
    /// in the worst flood measured (40 chats × 5 replies), and more standing there for long is an alert of its own.
    /// </summary>
    public const int QuietScan = 500;

    // Candidates: the first @scan claimable rows in lane order, read from ix_outbox_messages_pending (lane, available_at,
    // id) — never the whole backlog. Each stands for its chat's head (itself when it has no chat), which is what is
    // claimed, in the lane of its best candidate.
    public const string Claim = """
        WITH claimed AS MATERIALIZED (
            SELECT t.id, picked.lane FROM (
                SELECT head.id, min(c.pos) AS pos, min(c.lane) AS lane
                FROM (
                    SELECT m.id, m.chat_id, m.lane, row_number() OVER (ORDER BY m.lane, m.available_at, m.id) AS pos
                    FROM (
        """ + Candidates + """
                    ) m
                ) c
                CROSS JOIN LATERAL (
        """ + HeadOfCandidate + """
                ) head
                GROUP BY head.id
            ) picked
            JOIN outbox_messages t ON t.id = picked.id
            WHERE t.state = 'pending' AND t.available_at <= @now AND (t.locked_until IS NULL OR t.locked_until < @now)
            ORDER BY picked.pos
            LIMIT @batch
            FOR UPDATE OF t SKIP LOCKED
        )
        """ + Lease;

    // Candidates as above, but only those whose chat has no other row pending (waiting or in flight) in these lanes:
    // a chat with one deferred reply goes before a chat with five, however long the five have waited. Each candidate
    // costs one probe of ix_outbox_messages_pending_chat.
    public const string ClaimQuiet = """
        WITH claimed AS MATERIALIZED (
            SELECT t.id, c.lane FROM (
        """ + Candidates + """
            ) c
            CROSS JOIN LATERAL (
        """ + HeadOfCandidate + """
            ) head
            JOIN outbox_messages t ON t.id = head.id
            WHERE (c.chat_id IS NULL OR NOT EXISTS (
                    SELECT 1 FROM outbox_messages o WHERE o.chat_id = c.chat_id AND o.state = 'pending' AND o.lane <= @lowest AND o.id <> c.id))
              AND t.state = 'pending' AND t.available_at <= @now AND (t.locked_until IS NULL OR t.locked_until < @now)
            ORDER BY c.lane, c.available_at, c.id
            LIMIT @batch
            FOR UPDATE OF t SKIP LOCKED
        )
        """ + Lease;

    /// <summary>The first @scan claimable rows of @lowest or a higher lane, in lane order (from ix_outbox_messages_pending).</summary>
    private const string Candidates = """
        SELECT id, chat_id, lane, available_at FROM outbox_messages
        WHERE state = 'pending' AND lane <= @lowest AND available_at <= @now AND (locked_until IS NULL OR locked_until < @now)
        ORDER BY lane, available_at, id
        LIMIT @scan
        """;

    /// <summary>Candidate <c>c</c>'s chat's oldest pending row (itself when it has no chat).</summary>
    private const string HeadOfCandidate = """
        SELECT coalesce((SELECT p.id FROM outbox_messages p WHERE p.chat_id = c.chat_id AND p.state = 'pending' ORDER BY p.id LIMIT 1), c.id) AS id
        """;

    private const string Lease = """

        UPDATE outbox_messages o SET locked_until = @until
        FROM claimed
        WHERE o.id = claimed.id AND o.state = 'pending'
        RETURNING o.id, o.kind, o.chat_id, o.payload::text, o.attempts, claimed.lane
        """;
}
