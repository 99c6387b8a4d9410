using Quiz.Core.Players;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The tournament ranking in SQL (ADR 0015), in <see cref="Game.Scoring.ResultOrder.Standard"/>: points desc,
/// total answer time, finished at (an open attempt, NULL, last among equals), player id — a total order.
/// The live ranking reads <c>tournament_entries</c> through <see cref="TournamentEntry.RankingIndex"/>; the
/// final one the snapshot <c>tournament_results</c> through its unique (tournament, rank) index. The players
/// rankings leave out (<see cref="RankedPlayers"/>) are read once from their partial index and left out by a
/// hashed lookup. The standings a player or the console reads are one statement of their own (<see cref="TournamentStandingsSql"/>).
/// </summary>
internal static class TournamentRankingSql
{
    /// <summary>The players rankings leave out, read once from their partial index (a CTE named <c>unranked</c>).</summary>
    internal const string Unranked = $"unranked AS MATERIALIZED (SELECT d.id FROM players d WHERE {RankedPlayers.UnrankedSql})";

    /// <summary>How many attempts the snapshot will rank: $1 tournament.</summary>
    public static readonly string CountRanked = $"""
        WITH {Unranked}
        SELECT count(*) FROM tournament_entries x
        WHERE x.tournament_id = $1 AND x.answered AND x.player_id NOT IN (SELECT id FROM unranked)
        """;

    /// <summary>
    /// The snapshot at the finish, written in one statement: $1 tournament, then the reward bands
    /// (<see cref="RewardBands"/>) as $2 last ranks (int[]) and $3 tier names (text[]).
    /// </summary>
    public static readonly string Snapshot = $"""
        WITH {Unranked},
        ordered AS (
            SELECT e.tournament_id, e.player_id, e.points, e.correct_answers, e.total_answer_ms,
                   row_number() OVER (ORDER BY e.points DESC, e.total_answer_ms, e.finished_at, e.player_id)::int AS rank
            FROM tournament_entries e
            WHERE e.tournament_id = $1 AND e.answered AND e.player_id NOT IN (SELECT id FROM unranked)
        )
        INSERT INTO tournament_results (tournament_id, player_id, rank, points, correct_answers, total_answer_ms, reward)
        SELECT o.tournament_id, o.player_id, o.rank, o.points, o.correct_answers, o.total_answer_ms, {RewardOf("o")}
        FROM ordered o
        """;

    /// <summary>
    /// Takes players who are no longer ranked out of the snapshot in one statement (the lines are replaced:
    /// ranks are unique per tournament); the others keep their order and move up, their tiers follow the
    /// new ranks: $1 tournament, $2/$3 the reward bands among the players kept.
    /// </summary>
    public static readonly string Correct = $"""
        WITH {Unranked},
        old AS (DELETE FROM tournament_results r WHERE r.tournament_id = $1 RETURNING r.*),
        kept AS (
            SELECT o.tournament_id, o.player_id, o.points, o.correct_answers, o.total_answer_ms,
                   row_number() OVER (ORDER BY o.rank)::int AS rank
            FROM old o WHERE o.player_id NOT IN (SELECT id FROM unranked)
        )
        INSERT INTO tournament_results (tournament_id, player_id, rank, points, correct_answers, total_answer_ms, reward)
        SELECT k.tournament_id, k.player_id, k.rank, k.points, k.correct_answers, k.total_answer_ms, {RewardOf("k")}
        FROM kept k
        """;

    /// <summary>How many snapshot lines belong to players no longer ranked: $1 tournament.</summary>
    public static readonly string CountUnrankedInSnapshot = $"""
        SELECT count(*) FROM players d JOIN tournament_results r ON r.tournament_id = $1 AND r.player_id = d.id
        WHERE {RankedPlayers.UnrankedSql}
        """;

    /// <summary>The tier of a line: the first band whose last rank it reaches, and only with points (<see cref="TournamentRanking.RewardOf"/>).</summary>
    private static string RewardOf(string alias) =>
        $"CASE WHEN {alias}.points > 0 THEN (SELECT b.name FROM unnest($2::int[], $3::text[]) AS b(last_rank, name) WHERE {alias}.rank <= b.last_rank ORDER BY b.last_rank LIMIT 1) END";

    /// <summary>
    /// The reward tiers as (last rank, name) bands for <paramref name="ranked"/> players, best first: the same as
    /// <see cref="TournamentRewards.For(int, int, IReadOnlyList{RewardTier})"/>; places between tiers form a band
    /// without a name (no reward).
    /// </summary>
    public static (int[] LastRanks, string?[] Names) RewardBands(int ranked, IReadOnlyList<RewardTier> tiers)
    {
        var bands = new List<(int Last, string? Name)>();
        var last = TournamentRewards.LastRewardedRank(ranked, tiers);
        for (var rank = 1; rank <= last; rank++)
        {
            var name = TournamentRewards.For(rank, ranked, tiers)?.Name;
            if (bands.Count > 0 && bands[^1].Name == name) bands[^1] = (rank, name);
            else bands.Add((rank, name));
        }
        return ([.. bands.Select(b => b.Last)], [.. bands.Select(b => b.Name)]);
    }
}
