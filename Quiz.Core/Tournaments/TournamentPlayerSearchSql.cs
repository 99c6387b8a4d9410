namespace Quiz.Core.Tournaments;

/// <summary>
/// The console's Rangliste search: the ranked players whose first name or username contains $2 (an <c>ILIKE</c> pattern) or
/// whose Telegram id is $3, the best $4 of them, each with $5 lines above and below. Ranks follow the same order and the same
/// rule of who ranks (<see cref="Players.RankedPlayers"/>) as the standings (<see cref="TournamentStandingsSql"/>): live from
/// the entries, once finished from the snapshot. Nothing ranks all entrants: the matching players are found first (their
/// trigram indexes, the entries by key), and only their places are computed — live from the score buckets like a player's own
/// place (ADR 0019), final from the snapshot's rank index; the neighbours are the next index entries on either side.
/// Each query returns rank, player_id, first_name, username, points, correct, total_ms, finished, reward, hit — ordered by rank.
/// </summary>
internal static class TournamentPlayerSearchSql
{
    private const string Matches = @"(p.first_name ILIKE $2 ESCAPE '\' OR p.username ILIKE $2 ESCAPE '\' OR p.telegram_user_id = $3)";

    private const string Columns = "x.player_id, x.points, x.correct_answers, x.total_answer_ms, x.finished_at";

    /// <summary>Ranked entries of the tournament (the partial ranking index's rows, players left out excluded).</summary>
    private const string Ranked = "x.tournament_id = $1 AND x.answered AND x.player_id NOT IN (SELECT id FROM unranked)";

    /// <summary>The entries of <c>h</c>'s score ahead of it (same key order as the ranking index).</summary>
    private const string TiedAhead = """
        x.points = h.points AND x.total_answer_ms <= h.total_answer_ms
        AND (x.total_answer_ms, COALESCE(x.finished_at, 'infinity'::timestamptz), x.player_id) < (h.total_answer_ms, h.finish_key, h.player_id)
        """;

    private const string TiedBehind = """
        x.points = h.points AND x.total_answer_ms >= h.total_answer_ms
        AND (x.total_answer_ms, COALESCE(x.finished_at, 'infinity'::timestamptz), x.player_id) > (h.total_answer_ms, h.finish_key, h.player_id)
        """;

    private const string Down = "x.points, x.total_answer_ms DESC, x.finished_at DESC NULLS FIRST, x.player_id DESC";
    private const string Up = "x.points DESC, x.total_answer_ms, x.finished_at, x.player_id";

    public static readonly string Live = $"""
        WITH {TournamentRankingSql.Unranked},
        found AS MATERIALIZED (
            SELECT {Columns}, COALESCE(x.finished_at, 'infinity'::timestamptz) AS finish_key
            FROM players p JOIN tournament_entries x ON x.tournament_id = $1 AND x.player_id = p.id
            WHERE {Matches} AND {Ranked}
            ORDER BY {Up}
            LIMIT $4
        ),
        hits AS MATERIALIZED (
            SELECT h.*, 1
                + COALESCE((SELECT sum(b.entries) FROM tournament_rank_buckets b WHERE b.tournament_id = $1 AND b.points > h.points), 0)
                - (SELECT count(*) FROM unranked u JOIN tournament_entries x ON x.tournament_id = $1 AND x.player_id = u.id
                   WHERE x.answered AND x.points > h.points)
                + (SELECT count(*) FROM tournament_entries x WHERE {Ranked} AND {TiedAhead}) AS rank
            FROM found h
        ),
        above AS (
            SELECT h.rank - row_number() OVER (PARTITION BY h.player_id ORDER BY {Down}) AS rank, x.*
            FROM hits h CROSS JOIN LATERAL (
                SELECT x.* FROM (
                    (SELECT {Columns} FROM tournament_entries x WHERE {Ranked} AND {TiedAhead} ORDER BY {Down} LIMIT $5)
                    UNION ALL
                    (SELECT {Columns} FROM tournament_entries x WHERE {Ranked} AND x.points > h.points ORDER BY {Down} LIMIT $5)
                ) x ORDER BY {Down} LIMIT $5
            ) x
        ),
        below AS (
            SELECT h.rank + row_number() OVER (PARTITION BY h.player_id ORDER BY {Up}) AS rank, x.*
            FROM hits h CROSS JOIN LATERAL (
                SELECT x.* FROM (
                    (SELECT {Columns} FROM tournament_entries x WHERE {Ranked} AND {TiedBehind} ORDER BY {Up} LIMIT $5)
                    UNION ALL
                    (SELECT {Columns} FROM tournament_entries x WHERE {Ranked} AND x.points < h.points ORDER BY {Up} LIMIT $5)
                ) x ORDER BY {Up} LIMIT $5
            ) x
        ),
        lines AS (
            SELECT h.rank, h.player_id, h.points, h.correct_answers, h.total_answer_ms, h.finished_at FROM hits h
            UNION SELECT * FROM above
            UNION SELECT * FROM below
        )
        SELECT l.rank, l.player_id, p.first_name, p.username, l.points, l.correct_answers, l.total_answer_ms, l.finished_at IS NOT NULL,
               NULL::text, l.player_id IN (SELECT h.player_id FROM hits h) AS hit
        FROM lines l JOIN players p ON p.id = l.player_id
        ORDER BY l.rank
        """;

    public static readonly string Final = $"""
        WITH {TournamentRankingSql.Unranked},
        hits AS MATERIALIZED (
            SELECT r.rank, r.player_id
            FROM players p JOIN tournament_results r ON r.tournament_id = $1 AND r.player_id = p.id
            WHERE {Matches} AND p.id NOT IN (SELECT id FROM unranked)
            ORDER BY r.rank
            LIMIT $4
        ),
        lines AS (
            SELECT DISTINCT r.rank, r.player_id, r.points, r.correct_answers, r.total_answer_ms, r.reward
            FROM hits h JOIN tournament_results r ON r.tournament_id = $1 AND r.rank BETWEEN h.rank - $5 AND h.rank + $5
            WHERE r.player_id NOT IN (SELECT id FROM unranked)
        )
        SELECT l.rank::bigint, l.player_id, p.first_name, p.username, l.points, l.correct_answers, l.total_answer_ms, true,
               l.reward, l.player_id IN (SELECT h.player_id FROM hits h) AS hit
        FROM lines l JOIN players p ON p.id = l.player_id
        ORDER BY l.rank
        """;
}
