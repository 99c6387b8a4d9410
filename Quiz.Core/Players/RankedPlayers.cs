using System.Linq.Expressions;

namespace Quiz.Core.Players;

/// <summary>
/// Who appears in leaderboards and tournament rankings: not banned, not held out of rankings, not deleted.
/// One definition for the SQL boards and the LINQ rankings (Players is a leaf every ranking module may use).
/// </summary>
public static class RankedPlayers
{
    /// <summary>The condition on the <c>players</c> row named <paramref name="alias"/>, for hand-written SQL.</summary>
    public static string Sql(string alias) =>
        $"{alias}.banned_at IS NULL AND {alias}.ranking_held_at IS NULL AND {alias}.deleted_at IS NULL";

    /// <summary>
    /// The opposite, exactly as the partial index <see cref="UnrankedIndex"/> is filtered: the few players rankings
    /// leave out, read from that index and subtracted, instead of checking every ranked row's player.
    /// </summary>
    public const string UnrankedSql = "banned_at IS NOT NULL OR ranking_held_at IS NOT NULL OR deleted_at IS NOT NULL";

    public const string UnrankedIndex = "ix_players_unranked";

    /// <summary>The same condition for EF queries.</summary>
    public static readonly Expression<Func<Player, bool>> Predicate =
        p => p.BannedAt == null && p.RankingHeldAt == null && p.DeletedAt == null;

    public static bool IsRanked(Player p) => p.BannedAt is null && p.RankingHeldAt is null && p.DeletedAt is null;
}
