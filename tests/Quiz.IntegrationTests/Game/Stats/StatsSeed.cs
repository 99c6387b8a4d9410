using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game.Stats;

/// <summary>Writes finished games with their answers straight into the tables the read models query.</summary>
internal static class StatsSeed
{
    public const string CategoryId = "statistik";
    private const int PoolSize = 20;

    public static async Task EnsureQuestionsAsync(QuizDbContext db, DateTimeOffset now)
    {
        if (await db.Categories.AnyAsync(c => c.Id == CategoryId)) return;
        db.Categories.Add(TestData.Category(CategoryId, "Statistik"));
        for (var i = 0; i < PoolSize; i++) db.Questions.Add(TestData.Question(QuestionId(i), CategoryId, now));
        await db.SaveChangesAsync();
    }

    public static async Task<Player> PlayerAsync(QuizDbContext db, string name)
    {
        var player = TestData.Player(DateTimeOffset.UnixEpoch, name);
        db.Players.Add(player);
        await db.SaveChangesAsync();
        return player;
    }

    public static async Task<Guid> DailySetAsync(QuizDbContext db, DateOnly day)
    {
        var key = QuestionSets.DailyKey(day);
        var existing = await db.QuestionSets.Where(s => s.Kind == QuestionSetKind.Daily && s.Key == key).Select(s => (Guid?)s.Id).SingleOrDefaultAsync();
        if (existing is { } id) return id;
        var set = new QuestionSet { Id = Guid.NewGuid(), Kind = QuestionSetKind.Daily, Key = key, Seed = 1, CreatedAt = DateTimeOffset.UnixEpoch };
        db.QuestionSets.Add(set);
        await db.SaveChangesAsync();
        return set.Id;
    }

    /// <summary>A Tagesquiz attempt of <paramref name="day"/>; its answers take <paramref name="answerMs"/>.</summary>
    public static async Task<GameSession> DailyAsync(QuizDbContext db, Player player, DateOnly day, int score, DateTimeOffset finishedAt, int[] answerMs, SessionState state = SessionState.Finished) =>
        await GameAsync(db, player, GameMode.Daily, score, correct: score / 100, finishedAt, answerMs, state, await DailySetAsync(db, day));

    /// <summary>
    /// A game with the given result. The first <paramref name="correct"/> answers are right (at most
    /// one answer row per ms value; the session's counters are what rankings read).
    /// </summary>
    public static async Task<GameSession> GameAsync(
        QuizDbContext db, Player player, GameMode mode, int score, int correct, DateTimeOffset finishedAt, int[] answerMs,
        SessionState state = SessionState.Finished, Guid? setId = null)
    {
        var open = GameSession.IsOpen(state);
        var session = new GameSession
        {
            Id = Guid.CreateVersion7(),
            PlayerId = player.Id,
            Mode = mode,
            State = state,
            CategoryId = mode == GameMode.Category ? CategoryId : null,
            QuestionCount = mode == GameMode.Survival ? null : 10,
            Score = score,
            CorrectCount = correct,
            BestStreak = correct,
            StartedAt = finishedAt.AddMinutes(-5),
            LastActivityAt = finishedAt,
            FinishedAt = open ? null : finishedAt,
            QuestionSetId = setId,
        };
        for (var i = 0; i < answerMs.Length; i++)
        {
            var right = i < correct;
            session.Questions.Add(new SessionQuestion
            {
                Ordinal = i,
                QuestionId = QuestionId(i),
                OptionOrder = [0, 1, 2, 3],
                CorrectPosition = 0,
                SentAt = finishedAt.AddMinutes(-4),
                DeadlineAt = finishedAt.AddMinutes(-4).AddSeconds(20),
            });
            db.AnswerEvents.Add(new AnswerEvent
            {
                SessionId = session.Id,
                Ordinal = i,
                PlayerId = player.Id,
                QuestionId = QuestionId(i),
                ChosenPosition = right ? (short)0 : (short)1,
                IsCorrect = right,
                Points = right ? 100 : 0,
                AnswerMs = answerMs[i],
                CreatedAt = finishedAt,
            });
        }
        db.GameSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static string QuestionId(int i) => $"stat-{i:D4}";
}
