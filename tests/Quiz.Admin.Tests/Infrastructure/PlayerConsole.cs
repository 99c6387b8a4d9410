using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>Rows for the "Spieler" and "Markiert" pages: players and finished games with given answer times.</summary>
public static class PlayerConsole
{
    public const string CategoryId = "spielerseite";

    public static async Task<PlayerSnapshot> PlayerAsync(CoreServices core, string firstName, string? username = null) =>
        await core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, 1L << 52), firstName, username, "de"));

    /// <summary>A finished quick game of <paramref name="playerId"/>: one answer per time, the first <paramref name="correct"/> right.</summary>
    public static async Task<Guid> GameAsync(PostgresDatabase database, long playerId, int correct, params int[] answerMs)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = database.CreateContext();
        if (!await db.Categories.AnyAsync(c => c.Id == CategoryId)) db.Categories.Add(TestData.Category(CategoryId, "Spielerseite"));
        var session = new GameSession
        {
            Id = Guid.CreateVersion7(), PlayerId = playerId, Mode = GameMode.Quick, State = SessionState.Finished, QuestionCount = answerMs.Length,
            Score = correct * 100, CorrectCount = correct, BestStreak = correct, StartedAt = now.AddMinutes(-5), LastActivityAt = now, FinishedAt = now,
        };
        for (var i = 0; i < answerMs.Length; i++)
        {
            var questionId = $"sp-{Guid.NewGuid():N}"[..20];
            db.Questions.Add(TestData.Question(questionId, CategoryId, now));
            session.Questions.Add(new SessionQuestion
            {
                Ordinal = i, QuestionId = questionId, OptionOrder = [0, 1, 2, 3], CorrectPosition = 0, SentAt = now.AddMinutes(-4), DeadlineAt = now.AddMinutes(-3),
            });
            db.AnswerEvents.Add(new AnswerEvent
            {
                SessionId = session.Id, Ordinal = i, PlayerId = playerId, QuestionId = questionId, ChosenPosition = i < correct ? (short)0 : (short)1,
                IsCorrect = i < correct, Points = i < correct ? 100 : 0, AnswerMs = answerMs[i], CreatedAt = now,
            });
        }
        db.GameSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public static async Task<Player> LoadAsync(PostgresDatabase database, long id)
    {
        await using var db = database.CreateContext();
        return await db.Players.AsNoTracking().SingleAsync(p => p.Id == id);
    }
}
