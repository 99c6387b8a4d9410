using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Questions;

namespace Quiz.Testing;

/// <summary>Builders for rows that tests need as a starting point.</summary>
public static class TestData
{
    private static long nextTelegramId = 1_000_000;

    public static Player Player(DateTimeOffset now, string name = "Anna") => new()
    {
        TelegramUserId = Interlocked.Increment(ref nextTelegramId),
        FirstName = name,
        CreatedAt = now,
        LastSeenAt = now,
    };

    public static Category Category(string id = "geografie", string name = "Geografie") => new() { Id = id, Name = name };

    public static Question Question(string id, string categoryId, DateTimeOffset now) => new()
    {
        Id = id,
        CategoryId = categoryId,
        Difficulty = 1,
        Text = $"Testfrage {id}?",
        Options = ["Eins", "Zwei", "Drei", "Vier"],
        CorrectOption = 0,
        Explanation = "Weil es so ist.",
        SourceNote = "Testdaten",
        Status = QuestionStatus.Active,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A player with an active quick game whose first question has been sent.</summary>
    public static async Task<(Player Player, GameSession Session)> SeedGameAsync(QuizDbContext db, DateTimeOffset now, int questions = 1)
    {
        var player = Player(now);
        var category = db.Categories.Find("geografie") ?? db.Categories.Add(Category()).Entity;
        var session = new GameSession
        {
            Id = Guid.CreateVersion7(),
            Player = player,
            Mode = GameMode.Quick,
            State = SessionState.Active,
            QuestionCount = questions,
            StartedAt = now,
            LastActivityAt = now,
        };
        for (var i = 0; i < questions; i++)
        {
            var qid = $"test-{Guid.NewGuid():N}"[..20];
            db.Questions.Add(Question(qid, category.Id, now));
            session.Questions.Add(new SessionQuestion
            {
                Ordinal = i,
                QuestionId = qid,
                OptionOrder = [2, 0, 3, 1],
                CorrectPosition = 1,
                SentAt = now,
                DeadlineAt = now.AddSeconds(20),
            });
        }
        db.GameSessions.Add(session);
        await db.SaveChangesAsync();
        return (player, session);
    }

    /// <summary>An answer to the session's question <paramref name="ordinal"/>: option 1 when correct (120 points), else 0; 3 s.</summary>
    public static void Answer(QuizDbContext db, GameSession session, int ordinal, bool correct, DateTimeOffset at) =>
        db.AnswerEvents.Add(new AnswerEvent
        {
            SessionId = session.Id, Ordinal = ordinal, PlayerId = session.PlayerId, QuestionId = session.Questions[ordinal].QuestionId,
            ChosenPosition = correct ? (short)1 : (short)0, IsCorrect = correct, Points = correct ? 120 : 0, AnswerMs = 3000, CreatedAt = at,
        });

    /// <summary>A completed purchase of <paramref name="stars"/> Stars.</summary>
    public static Purchase Paid(long playerId, int stars, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), PlayerId = playerId, AmountStars = stars, TelegramPaymentChargeId = $"charge-{Guid.NewGuid():N}",
        Status = PurchaseStatus.Completed, CreatedAt = at,
    };
}
