using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using static Quiz.Core.Data.RawSql;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The ranking of a tournament from counted answers only, computed in the database (<see cref="TournamentRankingSql"/>,
/// ADR 0015): every ranked entrant (<see cref="Players.RankedPlayers"/>: not banned, held or deleted) who answered at
/// least once (a question left to time out is not an answer), ordered by <see cref="Game.Scoring.ResultOrder.Standard"/>
/// (points, total answer time, finish time, player id — a total order, so ranks are deterministic). A session still open
/// ranks as finishing last among equals. Runs on the caller's context, inside its transaction when there is one.
/// </summary>
internal static partial class TournamentRanking
{
    /// <summary>Writes the snapshot at the finish in one statement (the caller holds the tournament row lock); returns how many are ranked.</summary>
    public static async Task<int> SnapshotAsync(QuizDbContext db, Guid tournamentId, IReadOnlyList<RewardTier> tiers, CancellationToken ct)
    {
        var ranked = (int)await ScalarAsync(db, TournamentRankingSql.CountRanked, [Uuid(tournamentId)], ct);
        var (last, names) = TournamentRankingSql.RewardBands(ranked, tiers);
        await ExecuteAsync(db, TournamentRankingSql.Snapshot, [Uuid(tournamentId), IntArray(last), TextArray(names)], ct);
        return ranked;
    }

    /// <summary>
    /// Takes players who are no longer ranked (banned or held out since the finish) out of the stored
    /// snapshot: the others keep their order and move up, and the reward tiers follow the new ranks
    /// among the new count. Runs in the caller's transaction before anything is paid; returns how many
    /// were taken out (0: the snapshot is left as it is).
    /// </summary>
    public static async Task<int> CorrectSnapshotAsync(QuizDbContext db, Guid tournamentId, IReadOnlyList<RewardTier> tiers, CancellationToken ct)
    {
        var removed = (int)await ScalarAsync(db, TournamentRankingSql.CountUnrankedInSnapshot, [Uuid(tournamentId)], ct);
        if (removed == 0) return 0;
        var lines = await db.TournamentResults.CountAsync(r => r.TournamentId == tournamentId, ct);
        var (last, names) = TournamentRankingSql.RewardBands(lines - removed, tiers);
        await ExecuteAsync(db, TournamentRankingSql.Correct, [Uuid(tournamentId), IntArray(last), TextArray(names)], ct);
        return removed;
    }

    /// <summary>The tier written into the snapshot (under <paramref name="tiers"/>, else the defaults): only a result with points earns one.</summary>
    public static string? RewardOf(int rank, int ranked, int points, IReadOnlyList<RewardTier>? tiers = null) =>
        points > 0 ? TournamentRewards.For(rank, ranked, tiers ?? TournamentRewards.All)?.Name : null;
}
