using Npgsql;
using NpgsqlTypes;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The set-based statements of a cancel (ADR 0016), with the wallet's rules as in <see cref="TournamentBulkSql"/>:
/// the batch's ticket rows locked in THE lock order (player id; one asset kind) before any change, each returned
/// ticket a ledger row under its unique key (<see cref="TournamentLifecycle.ReturnKey"/>), and the holding raised
/// only for the rows actually inserted — so a batch repeated by a second caller, or after a killed one, returns
/// nothing twice.
/// </summary>
internal static class TournamentCancelSql
{
    private static readonly string Ticket = EnumColumns.ToColumn(AssetKind.TournamentTicket);

    /// <summary>The ticket rows of the batch: $1 players; $2 now. Created on first use (a deleted row), then locked in player order.</summary>
    public static readonly string EnsureTickets = $"""
        INSERT INTO entitlements (player_id, kind, uses, updated_at)
        SELECT p, '{Ticket}', 0, $2 FROM unnest($1::bigint[]) AS p ORDER BY p
        ON CONFLICT DO NOTHING
        """;

    public static readonly string LockTickets = $"""
        SELECT player_id FROM entitlements WHERE kind = '{Ticket}' AND player_id = ANY($1::bigint[])
        ORDER BY player_id
        FOR UPDATE
        """;

    /// <summary>One returned ticket per player under its unique key, and the holdings of exactly the rows inserted: $1 players, $2 now, $3 key prefix.</summary>
    public static readonly string ReturnTickets = $"""
        WITH returned AS (
            INSERT INTO ledger_entries (player_id, kind, delta, reason, idempotency_key, created_at)
            SELECT p, '{Ticket}', 1, '{EnumColumns.ToColumn(LedgerReason.Returned)}', $3 || p, $2
            FROM unnest($1::bigint[]) AS p ORDER BY p
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING player_id, delta
        )
        UPDATE entitlements e SET uses = e.uses + r.delta, updated_at = $2
        FROM returned r
        WHERE e.player_id = r.player_id AND e.kind = '{Ticket}'
        """;

    /// <summary>
    /// One cancel notice per entrant not banned, in one statement (O(N), like the start and result notices of ADR 0015):
    /// $1 tournament, $2 now, $3 key prefix. The unique notice key makes a repeat a no-op.
    /// </summary>
    public static readonly string CancelNotices = $"""
        INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, idempotency_key, created_at, available_at)
        SELECT '{OutboxKinds.Notice}', {((short)OutboxLanes.OfNotice(TournamentNotices.Cancelled)).ToString(System.Globalization.CultureInfo.InvariantCulture)},
               p.telegram_user_id, jsonb_build_object('topic', '{TournamentNotices.Cancelled}', 'subjectId', $1),
               'pending', 0, $3 || e.player_id, $2, $2
        FROM tournament_entries e JOIN players p ON p.id = e.player_id
        WHERE e.tournament_id = $1 AND p.banned_at IS NULL
        ORDER BY e.player_id
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    public static NpgsqlParameter Longs(long[] value) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = value };
}
