using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Data;
using Quiz.Core.Game;

namespace Quiz.Core.Operations.Moderation;

public sealed partial class PlayerReview
{
    /// <summary>Totals over all of the player's games and answers (indexes on player_id).</summary>
    private static async Task<PlayerStats> StatsAsync(QuizDbContext db, long playerId, CancellationToken ct)
    {
        var games = await db.GameSessions.AsNoTracking()
            .Where(s => s.PlayerId == playerId)
            .GroupBy(s => 1)
            .Select(g => new { Games = g.Count(), Finished = g.Count(s => s.State == SessionState.Finished), Points = g.Sum(s => (long)s.Score) })
            .SingleOrDefaultAsync(ct);
        var answers = await db.AnswerEvents.AsNoTracking()
            .Where(a => a.PlayerId == playerId)
            .GroupBy(a => 1)
            .Select(g => new
            {
                Total = g.Count(),
                Correct = g.Count(a => a.IsCorrect),
                Average = g.Where(a => a.ChosenPosition != null).Average(a => (double?)a.AnswerMs),
            })
            .SingleOrDefaultAsync(ct);
        return new PlayerStats(
            games?.Games ?? 0, games?.Finished ?? 0, answers?.Total ?? 0, answers?.Correct ?? 0, games?.Points ?? 0,
            answers?.Average is { } average ? (int)Math.Round(average) : null);
    }

    /// <summary>The newest games with every answer's time and the time it takes to read the question (the detectors' threshold).</summary>
    private static async Task<IReadOnlyList<RecentGame>> RecentGamesAsync(QuizDbContext db, long playerId, AntiCheatOptions thresholds, CancellationToken ct)
    {
        var sessions = await db.GameSessions.AsNoTracking()
            .Where(s => s.PlayerId == playerId)
            .OrderByDescending(s => s.StartedAt).ThenBy(s => s.Id).Take(RecentGameCount)
            .Select(s => new { s.Id, s.Mode, s.State, s.StartedAt, s.FinishedAt, s.Score, s.CorrectCount })
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var answers = (await db.AnswerEvents.AsNoTracking()
            .Where(a => ids.Contains(a.SessionId))
            .Join(db.SessionQuestions, a => new { a.SessionId, a.Ordinal }, q => new { q.SessionId, q.Ordinal }, (a, sq) => new { a, sq })
            .Join(db.Questions, x => x.a.QuestionId, q => q.Id, (x, q) => new
            {
                x.a.SessionId, x.a.Ordinal, x.a.AnswerMs, x.a.IsCorrect, x.a.ChosenPosition, x.a.Points, x.a.CreatedAt,
                q.Text, q.Options, x.sq.OptionOrder, x.sq.RemovedPositions,
            })
            .ToListAsync(ct))
            .ToLookup(a => a.SessionId, a => new AnswerTiming(
                a.Ordinal, a.AnswerMs, a.IsCorrect, a.ChosenPosition is null, a.Points,
                ReadingTime.ThresholdMs(ReadingTime.Characters(a.Text, Shown(a.Options, a.OptionOrder, a.RemovedPositions)), thresholds),
                a.CreatedAt));
        return [.. sessions.Select(s => new RecentGame(
            s.Id, s.Mode, s.State, s.StartedAt, s.FinishedAt, s.Score, s.CorrectCount, [.. answers[s.Id].OrderBy(a => a.Ordinal)]))];
    }

    /// <summary>The options on the player's screen: display position i shows <c>options[order[i]]</c>, less what the 50:50 joker took away.</summary>
    private static IEnumerable<string> Shown(string[] options, short[] order, short[]? removed) =>
        order.Select((option, position) => (option, position))
            .Where(o => removed is null || !removed.Contains((short)o.position))
            .Select(o => options[o.option]);
}
