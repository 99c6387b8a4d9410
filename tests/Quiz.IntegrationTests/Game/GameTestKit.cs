using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

/// <summary>
/// A bank of 60 questions (20 per difficulty, two categories) and shortcuts to the use-cases from Core's
/// registrations (<paramref name="core"/>); each call runs in its own scope (own context), as an update would.
/// </summary>
public sealed class GameTestKit(PostgresDatabase database, CoreServices core, FakeTimeProvider time)
{
    public static async Task SeedBankAsync(PostgresDatabase database, DateTimeOffset now)
    {
        await using var db = database.CreateContext();
        if (await db.Categories.AnyAsync(c => c.Id == "modi")) return;
        db.Categories.AddRange(new Category { Id = "modi", Name = "Modi" }, new Category { Id = "andere", Name = "Andere" });
        for (var i = 0; i < 60; i++)
        {
            var q = TestData.Question($"modi-{i:D4}", i % 2 == 0 ? "modi" : "andere", now);
            q.CorrectOption = (short)(i % 4);
            q.Difficulty = (short)(1 + (i / 20));
            db.Questions.Add(q);
        }
        await db.SaveChangesAsync();
    }

    public async Task<long> NewPlayerAsync(string name = "Lea") =>
        (await core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), name, null, "de"))).Id;

    public async Task<StartResult> StartAsync(long player, GameMode mode, string? category = null)
    {
        await using var scope = core.Scope();
        return await scope.Get<GameService>().StartSessionAsync(player, mode, category);
    }

    public async Task<QuestionView?> NextAsync(Guid session, long player)
    {
        await using var scope = core.Scope();
        return await scope.Get<GameService>().GetNextQuestionAsync(session, player);
    }

    /// <summary>The bot's answer path (<see cref="AnswerService.AnswerAsync"/>: the answer and the next question in one transaction).</summary>
    public async Task<AnswerResult> AnswerAsync(Guid session, long player, int ordinal, bool correct) => (await TurnAsync(session, player, ordinal, correct)).Result;

    public async Task<AnswerTurn> TurnAsync(Guid session, long player, int ordinal, bool correct)
    {
        var position = await CorrectPositionAsync(session, ordinal);
        await using var scope = core.Scope();
        return await scope.Get<AnswerService>().AnswerAsync(session, player, ordinal, correct ? position : (short)((position + 1) % 4));
    }

    /// <summary>Plays the whole session, answering correctly where <paramref name="correct"/> says so.</summary>
    public async Task<List<string>> PlayAsync(Guid session, long player, Func<int, bool> correct, TimeSpan? think = null)
    {
        var asked = new List<string>();
        while (await NextAsync(session, player) is { } question)
        {
            asked.Add(question.Text);
            time.Advance(think ?? TimeSpan.FromSeconds(2));
            var result = await AnswerAsync(session, player, question.Ordinal, correct(question.Ordinal));
            if (result.SessionFinished) break;
        }
        return asked;
    }

    public SessionTimeouts Timeouts() => core.Get<SessionTimeouts>();

    public async Task<GameSession> SessionAsync(Guid session)
    {
        await using var db = database.CreateContext();
        return await db.GameSessions.AsNoTracking().SingleAsync(s => s.Id == session);
    }

    public async Task<short> CorrectPositionAsync(Guid session, int ordinal)
    {
        await using var db = database.CreateContext();
        return await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.CorrectPosition).SingleAsync();
    }

    public QuizDbContext Context() => database.CreateContext();
}
