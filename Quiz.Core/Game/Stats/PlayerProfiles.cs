using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Game.Stats;

/// <summary>
/// The read model of <c>/profil</c>: finished games and best scores per mode, accuracy, the
/// Überleben record, the Tagesquiz streak and today's Tagesquiz place, and the holdings slot.
/// Every query is bounded by the player's own rows (indexes on player_id).
/// </summary>
public sealed class PlayerProfiles(IDbContextFactory<QuizDbContext> contexts, Leaderboards boards, PlayerHoldingsReader holdings, TimeProvider time)
{
    public async Task<PlayerProfile> GetAsync(long playerId, CancellationToken ct = default)
    {
        var today = BerlinDay.Containing(time.GetUtcNow()).Day;
        await using var db = await contexts.CreateDbContextAsync(ct);

        var modes = await db.GameSessions.AsNoTracking()
            .Where(s => s.PlayerId == playerId && s.State == SessionState.Finished)
            .GroupBy(s => s.Mode)
            .Select(g => new { Mode = g.Key, Games = g.Count(), Best = g.Max(s => s.Score) })
            .ToListAsync(ct);
        var bestByMode = modes.Select(m => new ModeBest(m.Mode, m.Games, m.Best)).OrderBy(m => m.Mode).ToList();

        var survival = await db.GameSessions.AsNoTracking()
            .Where(s => s.PlayerId == playerId && s.Mode == GameMode.Survival && s.State == SessionState.Finished)
            .OrderByDescending(s => s.CorrectCount).ThenByDescending(s => s.Score)
            .Select(s => new SurvivalRecord(s.CorrectCount, s.Score))
            .FirstOrDefaultAsync(ct);

        var answers = await db.AnswerEvents.AsNoTracking()
            .Where(a => a.PlayerId == playerId)
            .GroupBy(a => 1)
            .Select(g => new { Total = g.Count(), Correct = g.Count(a => a.IsCorrect) })
            .SingleOrDefaultAsync(ct);

        // A Tagesquiz attempt of a day is a daily session on that day's set, whatever its state.
        var dailyKeys = await db.GameSessions.AsNoTracking()
            .Where(s => s.PlayerId == playerId && s.Mode == GameMode.Daily)
            .Join(db.QuestionSets.Where(q => q.Kind == QuestionSetKind.Daily), s => s.QuestionSetId, q => (Guid?)q.Id, (s, q) => q.Key)
            .ToListAsync(ct);
        var streak = DailyStreak.Of(dailyKeys.Select(ParseDay).OfType<DateOnly>(), today);

        var standing = streak.PlayedToday ? await boards.DailyStandingAsync(playerId, today, ct) : null;
        return new PlayerProfile(
            GamesPlayed: bestByMode.Sum(m => m.Games),
            Answers: answers?.Total ?? 0,
            CorrectAnswers: answers?.Correct ?? 0,
            BestByMode: bestByMode,
            SurvivalRecord: survival,
            DailyStreak: streak,
            TodayDaily: standing,
            Holdings: await holdings.GetAsync(db, playerId, ct));
    }

    private static DateOnly? ParseDay(string key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
