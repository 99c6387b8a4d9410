using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Players;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The ranking of a tournament from counted answers only: every ranked entrant (<see cref="RankedPlayers"/>:
/// not banned, held or deleted) who answered at least once (a question left to time out is not an answer), ordered by <see cref="ResultOrder.Standard"/> (points, total answer time,
/// finish time, player id — a total order, so ranks are deterministic). A session still open ranks
/// as finishing last among equals.
/// </summary>
internal static class TournamentRanking
{
    public sealed record Ranked(int Rank, long PlayerId, string FirstName, RankedResult Result, bool Finished);

    public static async Task<List<Ranked>> ComputeAsync(QuizDbContext db, Guid tournamentId, CancellationToken ct)
    {
        var rows = await (
            from e in db.TournamentEntries
            where e.TournamentId == tournamentId && e.SessionId != null
            join s in db.GameSessions on e.SessionId equals s.Id
            join p in db.Players.Where(RankedPlayers.Predicate) on e.PlayerId equals p.Id
            where db.AnswerEvents.Any(a => a.SessionId == s.Id && a.ChosenPosition != null)
            select new
            {
                e.PlayerId, p.FirstName, s.Score, s.CorrectCount, s.State, s.FinishedAt,
                TotalMs = db.AnswerEvents.Where(a => a.SessionId == s.Id).Sum(a => (long)a.AnswerMs),
            }).AsNoTracking().ToListAsync(ct);

        return rows
            .Select(r => (r, Result: new RankedResult(r.PlayerId, r.Score, r.CorrectCount, r.TotalMs, r.FinishedAt ?? DateTimeOffset.MaxValue)))
            .OrderBy(x => x.Result, ResultOrder.Standard)
            .Select((x, i) => new Ranked(i + 1, x.r.PlayerId, x.r.FirstName, x.Result, !GameSession.IsOpen(x.r.State)))
            .ToList();
    }

    /// <summary>
    /// Takes players who are no longer ranked (banned or held out since the finish) out of the stored
    /// snapshot: the others keep their order and move up, and the reward tiers follow the new ranks
    /// among the new count. Runs in the caller's transaction before anything is paid; returns how many
    /// were taken out (0: the snapshot is left as it is).
    /// </summary>
    public static async Task<int> CorrectSnapshotAsync(QuizDbContext db, Guid tournamentId, CancellationToken ct)
    {
        var results = await db.TournamentResults.AsNoTracking().Where(r => r.TournamentId == tournamentId).OrderBy(r => r.Rank).ToListAsync(ct);
        var ids = results.Select(r => r.PlayerId).ToList();
        var ranked = (await db.Players.Where(p => ids.Contains(p.Id)).Where(RankedPlayers.Predicate).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var kept = results.Where(r => ranked.Contains(r.PlayerId)).ToList();
        if (kept.Count == results.Count) return 0;

        // Ranks are unique per tournament: the corrected lines replace the snapshot rather than shifting it row by row.
        await db.TournamentResults.Where(r => r.TournamentId == tournamentId).ExecuteDeleteAsync(ct);
        db.TournamentResults.AddRange(kept.Select((r, i) => new TournamentResult
        {
            TournamentId = tournamentId, PlayerId = r.PlayerId, Rank = i + 1, Points = r.Points, CorrectAnswers = r.CorrectAnswers,
            TotalAnswerMs = r.TotalAnswerMs, Reward = RewardOf(i + 1, kept.Count, r.Points),
        }));
        return results.Count - kept.Count;
    }

    /// <summary>The tier written into the snapshot: only a result with points earns one.</summary>
    public static string? RewardOf(int rank, int ranked, int points) => points > 0 ? TournamentRewards.For(rank, ranked)?.Name : null;
}
