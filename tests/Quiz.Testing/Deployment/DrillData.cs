using System.Globalization;
using Npgsql;

namespace Quiz.Testing.Deployment;

/// <summary>
/// Realistic rows for the restore drill, written with set-based SQL so a million answer events take seconds: players,
/// finished quick games with their questions and answers, and per player a purchase of 10 games with its ledger rows
/// (+10 purchase, −3 consumption) and the matching holding of 7.
/// </summary>
public static class DrillData
{
    public static async Task SeedAsync(NpgsqlConnection connection, string tag, int players, int answers)
    {
        await using var batch = connection.CreateBatch();
        foreach (var sql in Statements(tag, players, answers)) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>One more purchase for an existing player, with its ledger row and holding; returns its charge id.</summary>
    public static async Task<string> PurchaseAsync(NpgsqlConnection connection, string charge)
    {
        await using var command = new NpgsqlCommand($"""
            WITH p AS (SELECT min(id) AS id FROM players),
            bought AS (
              INSERT INTO purchases (id, player_id, amount_stars, currency, telegram_payment_charge_id, is_recurring, status, created_at)
              SELECT gen_random_uuid(), p.id, 50, 'XTR', '{charge}', false, 'completed', clock_timestamp() FROM p RETURNING id, player_id),
            ledger AS (
              INSERT INTO ledger_entries (player_id, kind, delta, reason, idempotency_key, purchase_id, created_at)
              SELECT player_id, 'gamecredit', 10, 'purchase', 'purchase:' || id, id, clock_timestamp() FROM bought)
            INSERT INTO entitlements (player_id, kind, uses, updated_at)
            SELECT player_id, 'gamecredit', 10, clock_timestamp() FROM bought
            ON CONFLICT (player_id, kind) DO UPDATE SET uses = entitlements.uses + 10, updated_at = EXCLUDED.updated_at
            """, connection);
        await command.ExecuteNonQueryAsync();
        return charge;
    }

    private static IEnumerable<string> Statements(string tag, int players, int answers)
    {
        var sessions = Math.Max(1, answers / 10).ToString(CultureInfo.InvariantCulture);
        var count = players.ToString(CultureInfo.InvariantCulture);
        yield return "CREATE TEMP TABLE new_players ON COMMIT DROP AS SELECT id FROM players WHERE false";
        yield return "CREATE TEMP TABLE new_sessions ON COMMIT DROP AS SELECT id, player_id, seed FROM game_sessions WHERE false";
        yield return $"""
            WITH made AS (
              INSERT INTO players (telegram_user_id, first_name, language_code, created_at, last_seen_at)
              SELECT coalesce((SELECT max(telegram_user_id) FROM players), 5000000000) + g, 'Spieler ' || g, 'de', now(), now()
              FROM generate_series(1, {count}) g RETURNING id)
            INSERT INTO new_players SELECT id FROM made
            """;
        yield return $"""
            WITH p AS (SELECT array_agg(id ORDER BY id) AS ids FROM new_players),
            made AS (
              INSERT INTO game_sessions (id, player_id, mode, state, seed, question_count, score, correct_count, best_streak, started_at, last_activity_at, finished_at)
              SELECT gen_random_uuid(), p.ids[1 + g % cardinality(p.ids)], 'quick', 'finished', g, 10, 300, 3, 2, now(), now(), now()
              FROM p, generate_series(1, {sessions}) g RETURNING id, player_id, seed)
            INSERT INTO new_sessions SELECT * FROM made
            """;
        yield return """
            INSERT INTO session_questions (session_id, ordinal, question_id, option_order, correct_position)
            SELECT s.id, o, q.ids[1 + (s.seed * 10 + o) % cardinality(q.ids)], ARRAY[0,1,2,3]::smallint[], 0
            FROM new_sessions s CROSS JOIN generate_series(0, 9) o CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM questions) q
            """;
        yield return """
            INSERT INTO answer_events (session_id, ordinal, player_id, question_id, chosen_position, is_correct, points, answer_ms, created_at)
            SELECT sq.session_id, sq.ordinal, s.player_id, sq.question_id, (sq.ordinal % 4)::smallint, sq.ordinal % 4 = 0,
                   CASE WHEN sq.ordinal % 4 = 0 THEN 100 ELSE 0 END, 2500 + 700 * sq.ordinal, now()
            FROM session_questions sq JOIN new_sessions s ON s.id = sq.session_id
            """;
        yield return $"""
            INSERT INTO purchases (id, player_id, amount_stars, currency, telegram_payment_charge_id, is_recurring, status, created_at)
            SELECT gen_random_uuid(), id, 50, 'XTR', 'drill-{tag}-' || id, false, 'completed', now() FROM new_players
            """;
        yield return $"""
            INSERT INTO ledger_entries (player_id, kind, delta, reason, idempotency_key, purchase_id, created_at)
            SELECT player_id, 'gamecredit', 10, 'purchase', 'purchase:' || id, id, now() FROM purchases WHERE telegram_payment_charge_id LIKE 'drill-{tag}-%'
            UNION ALL
            SELECT id, 'gamecredit', -3, 'consumption', 'drill-{tag}-use:' || id, NULL, now() FROM new_players
            """;
        yield return """
            INSERT INTO entitlements (player_id, kind, uses, updated_at) SELECT id, 'gamecredit', 7, now() FROM new_players
            ON CONFLICT (player_id, kind) DO UPDATE SET uses = entitlements.uses + 7
            """;
    }
}
