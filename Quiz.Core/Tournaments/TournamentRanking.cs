using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Game.Scoring;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The ranking of a tournament from counted answers only: every entrant who answered at least once
/// (a question left to time out is not an answer), ordered by <see cref="ResultOrder.Standard"/> (points, total answer time,
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
            join p in db.Players on e.PlayerId equals p.Id
            where p.DeletedAt == null
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
}
