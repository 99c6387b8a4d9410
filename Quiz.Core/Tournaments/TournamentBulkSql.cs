using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The set-based statements of the reward batches and of the notices (ADR 0015). A batch pays the
/// lines of one rank range with the wallet's rules: entitlement rows created on first use, locked in
/// THE lock order of <see cref="Wallet.LockInOrderAsync"/> (player id, then asset kind in enum order)
/// before any changes, and each ledger row inserted under its unique key
/// (<see cref="TournamentLifecycle.RewardKey"/>) with the holding changed only for rows actually
/// inserted — so a batch repeated by a second worker, or after a killed one, pays nothing twice.
/// </summary>
internal static class TournamentBulkSql
{
    /// <summary>$1 tournament, $2 first rank, $3 last rank, $4 tier names, $5 kinds, $6 amounts (one element per tier item), $7 kinds in lock order.</summary>
    private const string Grants = """
        grants AS (
            SELECT r.player_id, g.kind, g.amount, array_position($7::text[], g.kind) AS kind_order
            FROM tournament_results r
            JOIN unnest($4::text[], $5::text[], $6::int[]) AS g(tier, kind, amount) ON g.tier = r.reward
            WHERE r.tournament_id = $1 AND r.rank BETWEEN $2 AND $3
        )
        """;

    /// <summary>Entitlement rows on first use: $8 now.</summary>
    public const string EnsureEntitlements = $"""
        WITH {Grants}
        INSERT INTO entitlements (player_id, kind, uses, updated_at)
        SELECT g.player_id, g.kind, 0, $8 FROM grants g ORDER BY g.player_id, g.kind_order
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Locks the batch's entitlement rows in the wallet's one order (the lock follows the sort).</summary>
    public const string LockEntitlements = $"""
        WITH {Grants}
        SELECT e.player_id FROM entitlements e JOIN grants g ON g.player_id = e.player_id AND g.kind = e.kind
        ORDER BY g.player_id, g.kind_order
        FOR UPDATE OF e
        """;

    /// <summary>Ledger rows under their unique keys, and the holdings of exactly the rows inserted: $8 now, $9 key prefix.</summary>
    public static readonly string Pay = $"""
        WITH {Grants},
        paid AS (
            INSERT INTO ledger_entries (player_id, kind, delta, reason, idempotency_key, created_at)
            SELECT g.player_id, g.kind, g.amount, '{EnumColumns.ToColumn(LedgerReason.Reward)}', $9 || g.player_id || ':' || g.kind, $8
            FROM grants g ORDER BY g.player_id, g.kind_order
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING player_id, kind, delta
        )
        UPDATE entitlements e
        SET uses = CASE WHEN e.kind = '{EnumColumns.ToColumn(AssetKind.Premium)}' THEN e.uses ELSE e.uses + p.delta END,
            valid_until = CASE WHEN e.kind = '{EnumColumns.ToColumn(AssetKind.Premium)}'
                THEN GREATEST(COALESCE(e.valid_until, $8), $8) + make_interval(days => p.delta) ELSE e.valid_until END,
            updated_at = $8
        FROM paid p
        WHERE e.player_id = p.player_id AND e.kind = p.kind
        """;

    /// <summary>The asset kinds in the wallet's lock order.</summary>
    public static string[] KindsInLockOrder() => [.. Enum.GetValues<AssetKind>().Order().Select(EnumColumns.ToColumn)];

    /// <summary>Every item of the tournament's tiers as parallel arrays (tier name, kind, amount).</summary>
    public static (string[] Tiers, string[] Kinds, int[] Amounts) TierItems(IReadOnlyList<RewardTier> tiers)
    {
        var items = tiers.SelectMany(t => t.Items.Select(i => (t.Name, Kind: EnumColumns.ToColumn(i.Kind), i.Amount))).ToList();
        return ([.. items.Select(i => i.Name)], [.. items.Select(i => i.Kind)], [.. items.Select(i => i.Amount)]);
    }

    private const string NoticeColumns = "INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, idempotency_key, created_at, available_at)";

    /// <summary>The lane the one mapping gives a notice of <paramref name="topic"/> (<see cref="OutboxLanes.OfNotice"/>).</summary>
    private static string Lane(string topic) => ((short)OutboxLanes.OfNotice(topic)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One start notice per entrant not banned, in one statement: $1 tournament, $2 now, $3 key prefix.
    /// The unique notice key makes a repeated step a no-op.
    /// </summary>
    public static readonly string StartNotices = $"""
        {NoticeColumns}
        SELECT '{OutboxKinds.Notice}', {Lane(TournamentNotices.Started)}, p.telegram_user_id, jsonb_build_object('topic', '{TournamentNotices.Started}', 'subjectId', $1),
               'pending', 0, $3 || e.player_id, $2, $2
        FROM tournament_entries e JOIN players p ON p.id = e.player_id
        WHERE e.tournament_id = $1 AND p.banned_at IS NULL
        ORDER BY e.player_id
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    /// <summary>
    /// One result notice per entrant not banned, each with its place from the snapshot (one read for all:
    /// the renderer reads nothing of the ranking): $1 tournament, $2 now, $3 key prefix, $4 ranked count.
    /// </summary>
    public static readonly string ResultNotices = $"""
        {NoticeColumns}
        SELECT '{OutboxKinds.Notice}', {Lane(TournamentNotices.Result)}, p.telegram_user_id,
               jsonb_build_object('topic', '{TournamentNotices.Result}', 'subjectId', $1, 'place', jsonb_build_object(
                   'ranked', $4, 'rank', r.rank, 'points', COALESCE(r.points, 0), 'correctAnswers', COALESCE(r.correct_answers, 0), 'reward', r.reward)),
               'pending', 0, $3 || e.player_id, $2, $2
        FROM tournament_entries e JOIN players p ON p.id = e.player_id
        LEFT JOIN tournament_results r ON r.tournament_id = e.tournament_id AND r.player_id = e.player_id
        WHERE e.tournament_id = $1 AND p.banned_at IS NULL
        ORDER BY e.player_id
        ON CONFLICT (idempotency_key) DO NOTHING
        """;
}
