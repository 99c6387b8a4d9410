using Quiz.Core.Players;

namespace Quiz.Core.Game.Stats;

/// <summary>
/// The leaderboard queries, each ranking in the order of <see cref="Scoring.ResultOrder"/>.
/// Summing answer times is the expensive part, and it matters only between results tied on the
/// leading keys. So every query first ranks the tie groups by those keys alone
/// (<c>group_rank</c> = 1 + results strictly ahead), sums answer times only for the groups that
/// reach the top or hold the asking player, and orders inside each group by time, finish and
/// player id: rank = group_rank − 1 + place inside the group. Only ranked players count (<see cref="RankedPlayers"/>:
/// not banned, held or deleted), read with every query, so a ban counts from the next board on. Each query returns rank, player_id,
/// first_name, points, correct, total_ms, games, participants for the top lines and the player.
/// </summary>
internal static class BoardSql
{
    private static readonly string Ranked = RankedPlayers.Sql("d");

    /// <summary>$1 daily set key (text), $2 top, $3 player: ResultOrder.Standard.</summary>
    public static readonly string Day = $"""
        WITH results AS (
            SELECT s.id, s.player_id, s.score::bigint AS points, s.correct_count::bigint AS correct, s.finished_at, 1::bigint AS games
            FROM game_sessions s
            WHERE s.question_set_id = (SELECT q.id FROM question_sets q WHERE q.kind = 'daily' AND q.key = $1)
              AND s.mode = 'daily' AND s.state = 'finished'
              AND EXISTS (SELECT 1 FROM players d WHERE d.id = s.player_id AND {Ranked})
        ),
        grouped AS (
            SELECT r.*, rank() OVER (ORDER BY r.points DESC) AS group_rank, count(*) OVER () AS participants
            FROM results r
        ),
        timed AS (
            SELECT g.*, COALESCE((SELECT sum(a.answer_ms) FROM answer_events a WHERE a.session_id = g.id), 0)::bigint AS total_ms
            FROM grouped g
            WHERE g.group_rank <= $2 OR g.points = (SELECT m.points FROM grouped m WHERE m.player_id = $3)
        ),
        ranked AS (
            SELECT t.*, t.group_rank - 1 + row_number() OVER (PARTITION BY t.points ORDER BY t.total_ms, t.finished_at, t.player_id) AS rank
            FROM timed t
        )
        """ + Tail("$2", "$3");

    /// <summary>$1 daily set keys of the week (text[]), $2 top, $3 player: points desc, total time, player id.</summary>
    public static readonly string Days = $"""
        WITH results AS (
            SELECT s.player_id, sum(s.score)::bigint AS points, sum(s.correct_count)::bigint AS correct,
                   count(*) AS games, array_agg(s.id) AS sessions
            FROM game_sessions s
            WHERE s.question_set_id = ANY (ARRAY(SELECT q.id FROM question_sets q WHERE q.kind = 'daily' AND q.key = ANY ($1)))
              AND s.mode = 'daily' AND s.state = 'finished'
              AND EXISTS (SELECT 1 FROM players d WHERE d.id = s.player_id AND {Ranked})
            GROUP BY s.player_id
        ),
        grouped AS (
            SELECT r.*, rank() OVER (ORDER BY r.points DESC) AS group_rank, count(*) OVER () AS participants
            FROM results r
        ),
        timed AS (
            SELECT g.*, COALESCE((SELECT sum(a.answer_ms) FROM answer_events a WHERE a.session_id = ANY (g.sessions)), 0)::bigint AS total_ms
            FROM grouped g
            WHERE g.group_rank <= $2 OR g.points = (SELECT m.points FROM grouped m WHERE m.player_id = $3)
        ),
        ranked AS (
            SELECT t.*, t.group_rank - 1 + row_number() OVER (PARTITION BY t.points ORDER BY t.total_ms, t.player_id) AS rank
            FROM timed t
        )
        """ + Tail("$2", "$3");

    /// <summary>
    /// $1 top, $2 player: ResultOrder.Survival over each player's best finished run — most correct
    /// answers, then points, then (among a player's equal runs) the fastest and earliest. All runs
    /// ever are read, so the full sort is avoided: a run's (correct, points) is packed into one
    /// order-preserving bigint (both are non-negative ints), the top groups are found by a
    /// cut-off value and the player's group rank by one count.
    /// </summary>
    public static readonly string Survival = $"""
        WITH results AS (
            SELECT s.player_id, max(s.correct_count::bigint * 4294967296 + s.score) AS best
            FROM game_sessions s
            WHERE s.mode = 'survival' AND s.state = 'finished'
              AND EXISTS (SELECT 1 FROM players d WHERE d.id = s.player_id AND {Ranked})
            GROUP BY s.player_id
        ),
        mine AS (
            SELECT max(s.correct_count::bigint * 4294967296 + s.score) AS best
            FROM game_sessions s
            WHERE s.player_id = $2 AND s.mode = 'survival' AND s.state = 'finished'
        ),
        counts AS (
            SELECT count(*) AS participants, count(*) FILTER (WHERE r.best > (SELECT m.best FROM mine m)) AS ahead_of_me
            FROM results r
        ),
        cutoff AS (
            SELECT CASE WHEN $1 > 0 THEN COALESCE((SELECT r.best FROM results r ORDER BY r.best DESC OFFSET GREATEST($1 - 1, 0) LIMIT 1), -1) END AS best
        ),
        grouped AS (
            SELECT r.player_id, r.best, n.participants,
                   CASE WHEN r.best >= c.best THEN rank() OVER (ORDER BY r.best DESC) ELSE n.ahead_of_me + 1 END AS group_rank
            FROM results r CROSS JOIN cutoff c CROSS JOIN counts n
            WHERE r.best >= c.best OR r.best = (SELECT m.best FROM mine m)
        ),
        timed AS (
            SELECT g.*, g.best % 4294967296 AS points, g.best / 4294967296 AS correct, 1::bigint AS games, run.total_ms, run.finished_at
            FROM grouped g
            CROSS JOIN LATERAL (
                SELECT s.finished_at, COALESCE((SELECT sum(a.answer_ms) FROM answer_events a WHERE a.session_id = s.id), 0)::bigint AS total_ms
                FROM game_sessions s
                WHERE s.player_id = g.player_id AND s.mode = 'survival' AND s.state = 'finished'
                  AND s.correct_count::bigint * 4294967296 + s.score = g.best
                ORDER BY total_ms, s.finished_at
                LIMIT 1
            ) run
        ),
        ranked AS (
            SELECT t.*, t.group_rank - 1 + row_number() OVER (PARTITION BY t.best ORDER BY t.total_ms, t.finished_at, t.player_id) AS rank
            FROM timed t
        )
        """ + Tail("$1", "$2");

    private static string Tail(string top, string player) => $"""

        SELECT k.rank, k.player_id, (SELECT p.first_name FROM players p WHERE p.id = k.player_id),
               k.points, k.correct, k.total_ms, k.games, k.participants
        FROM ranked k
        WHERE k.rank <= {top} OR k.player_id = {player}
        ORDER BY k.rank
        """;
}
