namespace Quiz.LoadDriver;

/// <summary>
/// The dashboard scenario's rows, in SQL (seconds instead of minutes through EF): times spread over the last 30 days,
/// repeatable (<c>setseed</c>). Games are quick or survival (the shared modes need question sets); 60 % of answers right.
/// </summary>
internal static class DashboardSeed
{
    public static readonly string Sql = $"""
        SELECT setseed(0.42);
        INSERT INTO players (telegram_user_id, first_name, created_at, last_seen_at)
        SELECT g, 'Spieler ' || g, now() - random() * interval '35 days', now()
        FROM generate_series(1, {DashboardScenario.Players}) g;
        CREATE TEMP TABLE bench_questions AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM questions;
        INSERT INTO game_sessions (id, player_id, mode, state, question_count, started_at, last_activity_at, finished_at,
                                   score, correct_count, best_streak, extra_life_used, fast_answers, seed)
        SELECT gen_random_uuid(), 1 + (g * 7919) % {DashboardScenario.Players}, CASE WHEN g % 10 < 7 THEN 'quick' ELSE 'survival' END,
               'finished', 10, t, t + interval '5 minutes', t + interval '5 minutes', 0, 0, 0, false, 0, g
        FROM (SELECT g, now() - random() * interval '30 days' AS t FROM generate_series(1, {DashboardScenario.Games}) g) s;
        INSERT INTO session_questions (session_id, ordinal, question_id, option_order, correct_position, sent_at, deadline_at)
        SELECT s.id, o, q.id, '{"{0,1,2,3}"}', 0, s.started_at + o * interval '20 seconds', s.started_at + (o + 1) * interval '20 seconds'
        FROM game_sessions s CROSS JOIN generate_series(0, 9) o
        JOIN bench_questions q ON q.n = (abs(hashtext(s.id::text)) + o * 7) % (SELECT count(*) FROM bench_questions);
        INSERT INTO answer_events (session_id, ordinal, player_id, question_id, chosen_position, is_correct, points, answer_ms, created_at)
        SELECT sq.session_id, sq.ordinal, s.player_id, sq.question_id, 0, r < 0.6, CASE WHEN r < 0.6 THEN 120 ELSE 0 END, 4000,
               sq.sent_at + interval '4 seconds'
        FROM (SELECT *, random() AS r FROM session_questions) sq JOIN game_sessions s ON s.id = sq.session_id;
        INSERT INTO purchases (id, player_id, amount_stars, currency, telegram_payment_charge_id, is_recurring, subscription_expires_at,
                               status, refunded_at, created_at, refund_attempt)
        SELECT gen_random_uuid(), 1 + (g * 31) % {DashboardScenario.Players}, CASE WHEN g % 5 = 0 THEN 300 ELSE 50 END, 'XTR', 'bench-' || g,
               g % 5 = 0, CASE WHEN g % 5 = 0 THEN t + interval '30 days' END,
               CASE WHEN g % 50 = 0 THEN 'refunded' ELSE 'completed' END, CASE WHEN g % 50 = 0 THEN t + interval '1 day' END, t, 0
        FROM (SELECT g, now() - random() * interval '30 days' AS t FROM generate_series(1, 20000) g) p;
        INSERT INTO tournaments (id, title, state, entry_fee, question_count, starts_at, ends_at, created_by, created_at)
        SELECT gen_random_uuid(), 'Bench ' || g, 'scheduled', 'free', 10, now() + g * interval '1 day', now() + g * interval '1 day' + interval '1 hour', 'bench', now()
        FROM generate_series(1, 10) g;
        INSERT INTO tournament_entries (tournament_id, player_id, paid_with_ticket, joined_at)
        SELECT t.id, p, false, now() - random() * interval '30 days'
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM tournaments) t
        CROSS JOIN generate_series(1, 5000) p;
        """;
}
