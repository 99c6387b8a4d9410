using Quiz.Core.Players;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The console's Rangliste search (kept apart from <see cref="TournamentRankingSql"/>, which the live reads use): the ranked
/// players whose first name or username contains $2 (an <c>ILIKE</c> pattern) or whose Telegram id is $3, the best $4 of them,
/// each with $5 lines above and below. Ranks come from the same order and the same rule of who ranks
/// (<see cref="RankedPlayers"/>) as the standings: live from the entries, once finished from the snapshot.
/// Each query returns rank, player_id, first_name, username, points, correct, total_ms, finished, reward, hit — ordered by rank.
/// </summary>
internal static class TournamentPlayerSearchSql
{
    private const string Unranked = $"unranked AS MATERIALIZED (SELECT d.id FROM players d WHERE {RankedPlayers.UnrankedSql})";

    private const string LiveRanked = """
        ranked AS (
            SELECT row_number() OVER (ORDER BY e.points DESC, e.total_answer_ms, e.finished_at, e.player_id) AS rank,
                   e.player_id, e.points, e.correct_answers, e.total_answer_ms, e.finished_at IS NOT NULL AS finished, NULL::text AS reward
            FROM tournament_entries e
            WHERE e.tournament_id = $1 AND e.answered AND e.player_id NOT IN (SELECT id FROM unranked)
        )
        """;

    private const string FinalRanked = """
        ranked AS (
            SELECT r.rank::bigint AS rank, r.player_id, r.points, r.correct_answers, r.total_answer_ms, true AS finished, r.reward
            FROM tournament_results r
            WHERE r.tournament_id = $1 AND r.player_id NOT IN (SELECT id FROM unranked)
        )
        """;

    private const string Around = """
        hits AS (
            SELECT r.rank FROM ranked r JOIN players p ON p.id = r.player_id
            WHERE p.first_name ILIKE $2 ESCAPE '\' OR p.username ILIKE $2 ESCAPE '\' OR p.telegram_user_id = $3
            ORDER BY r.rank
            LIMIT $4
        )
        SELECT r.rank, r.player_id, p.first_name, p.username, r.points, r.correct_answers, r.total_answer_ms, r.finished, r.reward,
               r.rank IN (SELECT h.rank FROM hits h) AS hit
        FROM ranked r JOIN players p ON p.id = r.player_id
        WHERE EXISTS (SELECT 1 FROM hits h WHERE r.rank BETWEEN h.rank - $5 AND h.rank + $5)
        ORDER BY r.rank
        """;

    public static readonly string Live = $"WITH {Unranked},\n{LiveRanked},\n{Around}";

    public static readonly string Final = $"WITH {Unranked},\n{FinalRanked},\n{Around}";
}
