namespace Quiz.Core.Tournaments;

/// <summary>
/// A tournament's standings as a player or the console reads them, in one statement (ADR 0019): $1 tournament, $2 top,
/// $3 player (0: nobody, or the player of $4), $4 the player's Telegram user id when $3 is 0 (the outbox notices know the
/// chat, not the player: resolved in the same statement, 0: nobody). The tournament's summary (title, state, fee, times, the player's entry and whether their
/// attempt is open) comes in the same round trip; its state picks the ranking — live from the entries and the score
/// buckets while it is not finished, the snapshot once it is. The other branch is cut off by a one-time filter on the
/// state, so it costs nothing. No rows: no such tournament (or a draft).
/// Columns: rank, player_id, first_name, points, correct, total_ms, finished, reward (NULL columns when the tournament
/// has no line to show), ranked, entrants, then the summary — title, state, entry_fee, question_count, starts_at,
/// ends_at, joined, played, attempt_open, me (the player resolved, 0: nobody).
/// </summary>
internal static class TournamentStandingsSql
{
    /// <summary>
    /// Live: the entrants, the ranked ones and those ahead of the player on more points are sums over
    /// <c>tournament_rank_buckets</c> (entries per score, kept by a trigger in the same transactions as the entries),
    /// less the few players rankings leave out; only the player's own score is counted entry by entry — the range of
    /// its bucket ahead of them in the index. Final: the snapshot's top lines and the player's line. One statement, one
    /// snapshot: the place is exact, not a cache. Nothing counts all entries: the snapshot's ranks are 1…N without gaps
    /// (written and corrected by <c>row_number()</c>), so its ranked count is its last rank (one probe of the rank index)
    /// less the lines of players left out since.
    /// </summary>
    public static readonly string Standings = $"""
        WITH who AS MATERIALIZED (
            SELECT COALESCE(NULLIF($3, 0), (SELECT p.id FROM players p WHERE $3 = 0 AND $4 <> 0 AND p.telegram_user_id = $4), 0) AS id
        ),
        tour AS MATERIALIZED (
            SELECT t.title, t.state, t.entry_fee, t.question_count, t.starts_at, t.ends_at, t.state IN ('finished', 'rewarded') AS final
            FROM tournaments t
            WHERE t.id = $1 AND t.state <> 'draft'
        ),
        entry AS MATERIALIZED (
            SELECT e.session_id IS NOT NULL AS played,
                   EXISTS (SELECT 1 FROM game_sessions s WHERE s.id = e.session_id AND s.state IN ('active', 'paused')) AS attempt_open
            FROM tournament_entries e
            WHERE e.tournament_id = $1 AND e.player_id = (SELECT w.id FROM who w)
        ),
        {TournamentRankingSql.Unranked},
        me AS MATERIALIZED (
            SELECT e.player_id, e.points, e.correct_answers, e.total_answer_ms, e.finished_at,
                   COALESCE(e.finished_at, 'infinity'::timestamptz) AS finish_key
            FROM tournament_entries e
            WHERE NOT (SELECT final FROM tour)
              AND e.tournament_id = $1 AND e.player_id = (SELECT w.id FROM who w) AND e.answered AND e.player_id NOT IN (SELECT id FROM unranked)
        ),
        buckets AS (
            SELECT COALESCE(sum(b.entries), 0) AS entrants,
                   COALESCE(sum(b.entries) FILTER (WHERE b.points >= 0), 0) AS answered,
                   COALESCE(sum(b.entries) FILTER (WHERE b.points > (SELECT m.points FROM me m)), 0) AS above
            FROM tournament_rank_buckets b
            WHERE b.tournament_id = $1
        ),
        left_out AS (
            SELECT count(*) AS answered, count(*) FILTER (WHERE x.points > (SELECT m.points FROM me m)) AS above
            FROM unranked u JOIN tournament_entries x ON x.tournament_id = $1 AND x.player_id = u.id
            WHERE NOT (SELECT final FROM tour) AND x.answered
        ),
        tied AS (
            SELECT count(*) AS ahead
            FROM me m JOIN tournament_entries x
                ON x.tournament_id = $1 AND x.answered AND x.points = m.points AND x.total_answer_ms <= m.total_answer_ms
            WHERE (x.total_answer_ms, COALESCE(x.finished_at, 'infinity'::timestamptz), x.player_id) < (m.total_answer_ms, m.finish_key, m.player_id)
              AND x.player_id NOT IN (SELECT id FROM unranked)
        ),
        counted AS (
            SELECT b.entrants::bigint AS entrants,
                   CASE WHEN t.final
                        THEN COALESCE((SELECT max(x.rank) FROM tournament_results x WHERE x.tournament_id = $1), 0)
                             - (SELECT count(*) FROM unranked u JOIN tournament_results x ON x.tournament_id = $1 AND x.player_id = u.id)
                        ELSE b.answered - o.answered END::bigint AS ranked,
                   (b.above - o.above + d.ahead)::bigint AS ahead
            FROM tour t CROSS JOIN buckets b CROSS JOIN left_out o CROSS JOIN tied d
        ),
        top AS (
            SELECT e.player_id, e.points, e.correct_answers, e.total_answer_ms, e.finished_at
            FROM tournament_entries e
            WHERE NOT (SELECT final FROM tour)
              AND e.tournament_id = $1 AND e.answered AND e.player_id NOT IN (SELECT id FROM unranked)
            ORDER BY e.points DESC, e.total_answer_ms, e.finished_at, e.player_id
            LIMIT $2
        ),
        lines AS (
            SELECT row_number() OVER (ORDER BY t.points DESC, t.total_answer_ms, t.finished_at, t.player_id) AS rank,
                   t.player_id, t.points, t.correct_answers, t.total_answer_ms, t.finished_at IS NOT NULL AS finished, NULL::text AS reward
            FROM top t
            UNION
            SELECT c.ahead + 1, m.player_id, m.points, m.correct_answers, m.total_answer_ms, m.finished_at IS NOT NULL, NULL
            FROM me m CROSS JOIN counted c
            UNION
            (SELECT r.rank::bigint, r.player_id, r.points, r.correct_answers, r.total_answer_ms, true, r.reward
             FROM tournament_results r
             WHERE (SELECT final FROM tour) AND r.tournament_id = $1 AND r.player_id NOT IN (SELECT id FROM unranked)
             ORDER BY r.rank LIMIT $2)
            UNION
            SELECT r.rank::bigint, r.player_id, r.points, r.correct_answers, r.total_answer_ms, true, r.reward
            FROM tournament_results r
            WHERE (SELECT final FROM tour) AND r.tournament_id = $1 AND r.player_id = (SELECT w.id FROM who w) AND r.player_id NOT IN (SELECT id FROM unranked)
        )
        SELECT l.rank, l.player_id, p.first_name, l.points, l.correct_answers, l.total_answer_ms, l.finished, l.reward, c.ranked, c.entrants,
               t.title, t.state, t.entry_fee, t.question_count, t.starts_at, t.ends_at,
               n.played IS NOT NULL AS joined, COALESCE(n.played, false) AS played, COALESCE(n.attempt_open, false) AS attempt_open,
               (SELECT w.id FROM who w) AS me
        FROM tour t CROSS JOIN counted c LEFT JOIN entry n ON true
        LEFT JOIN (lines l JOIN players p ON p.id = l.player_id) ON true
        """;
}
