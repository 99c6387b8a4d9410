using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class GameFlowTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (await db.Questions.AnyAsync(q => q.CategoryId == "spiel")) return;
        db.Categories.Add(new Category { Id = "spiel", Name = "Spiel" });
        for (var i = 0; i < 40; i++)
        {
            var q = TestData.Question($"spiel-{i:D4}", "spiel", time.GetUtcNow());
            q.CorrectOption = (short)(i % 4);
            db.Questions.Add(q);
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> NewPlayerAsync() =>
        (await new PlayerDirectory(database.CreateFactory(), time).TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), "Lea", null, "de"))).Id;

    private GameService Games(QuizDbContext db) => new(db, new PlayAllowance(), time);

    [Fact]
    public async Task A_full_quick_game_scores_every_answer_and_ends_after_ten_questions()
    {
        var player = await NewPlayerAsync();
        await using var db = database.CreateContext();
        var start = await Games(db).StartSessionAsync(player, GameMode.Category, "spiel");
        var session = start.SessionId!.Value;
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            await using var step = database.CreateContext();
            var question = await Games(step).GetNextQuestionAsync(session, player);
            Assert.NotNull(question);
            Assert.Equal((i, 10, "Spiel"), (question.Ordinal, question.Total, question.Category));
            time.Advance(TimeSpan.FromSeconds(5));
            var correctPosition = await CorrectPositionAsync(session, i);
            var answer = await new AnswerService(step, time).SubmitAnswerAsync(session, player, i, correctPosition);
            Assert.Equal((AnswerOutcome.Correct, 137, i == 9), (answer.Outcome, answer.Points, answer.SessionFinished));
            total += answer.Points;
        }

        await using var check = database.CreateContext();
        Assert.Null(await Games(check).GetNextQuestionAsync(session, player));
        var finished = await check.GameSessions.SingleAsync(s => s.Id == session);
        Assert.Equal((SessionState.Finished, total, 10, 10), (finished.State, finished.Score, finished.CorrectCount, finished.BestStreak));
        Assert.Equal(10, await check.SessionQuestions.Where(q => q.SessionId == session).Select(q => q.QuestionId).Distinct().CountAsync());
    }

    [Fact]
    public async Task Two_devices_answering_the_same_question_count_exactly_once()
    {
        var player = await NewPlayerAsync();
        Guid session;
        await using (var db = database.CreateContext())
        {
            session = (await Games(db).StartSessionAsync(player, GameMode.Quick)).SessionId!.Value;
            await Games(db).GetNextQuestionAsync(session, player);
        }
        using var start = new Barrier(10);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            return await new AnswerService(db, time).SubmitAnswerAsync(session, player, 0, (short)(i % 4));
        })));

        Assert.Equal(1, results.Count(r => r.Counted));
        Assert.Equal(9, results.Count(r => r.Outcome == AnswerOutcome.AlreadyAnswered));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.AnswerEvents.CountAsync(a => a.SessionId == session));
        Assert.Equal(results.Single(r => r.Counted).Points, (await check.GameSessions.SingleAsync(s => s.Id == session)).Score);
    }

    [Fact]
    public async Task An_answer_after_the_time_limit_counts_as_wrong()
    {
        var player = await NewPlayerAsync();
        await using var db = database.CreateContext();
        var session = (await Games(db).StartSessionAsync(player, GameMode.Quick)).SessionId!.Value;
        await Games(db).GetNextQuestionAsync(session, player);
        time.Advance(new GameOptions().AnswerLimit + TimeSpan.FromMilliseconds(1));

        var answer = await new AnswerService(db, time).SubmitAnswerAsync(session, player, 0, await CorrectPositionAsync(session, 0));

        Assert.Equal((AnswerOutcome.Late, 0), (answer.Outcome, answer.Points));
    }

    [Fact]
    public async Task Old_or_forged_answers_change_nothing()
    {
        var player = await NewPlayerAsync();
        var stranger = await NewPlayerAsync();
        await using var db = database.CreateContext();
        var session = (await Games(db).StartSessionAsync(player, GameMode.Quick)).SessionId!.Value;
        await Games(db).GetNextQuestionAsync(session, player);
        var answers = new AnswerService(db, time);

        Assert.Equal(AnswerOutcome.SessionClosed, (await answers.SubmitAnswerAsync(session, stranger, 0, 1)).Outcome);
        Assert.Equal(AnswerOutcome.NotCurrent, (await answers.SubmitAnswerAsync(session, player, 3, 1)).Outcome);
        Assert.Equal(AnswerOutcome.SessionClosed, (await answers.SubmitAnswerAsync(session, player, 0, 7)).Outcome);
        Assert.Equal(AnswerOutcome.SessionClosed, (await answers.SubmitAnswerAsync(Guid.NewGuid(), player, 0, 1)).Outcome);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.AnswerEvents.CountAsync(a => a.SessionId == session));
    }

    [Fact]
    public async Task The_sixth_game_of_a_berlin_day_is_refused_even_when_started_in_parallel()
    {
        var player = await NewPlayerAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var db = database.CreateContext();
            Assert.Equal(StartOutcome.Started, (await Games(db).StartSessionAsync(player, GameMode.Quick)).Outcome);
        }

        var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            return (await Games(db).StartSessionAsync(player, GameMode.Quick)).Outcome;
        })));

        Assert.Equal(2, parallel.Count(o => o == StartOutcome.Started));
        Assert.Equal(4, parallel.Count(o => o == StartOutcome.QuotaExhausted));
        await using var check = database.CreateContext();
        Assert.Equal(PlayAllowance.FreeGamesPerDay, await check.GameSessions.CountAsync(s => s.PlayerId == player));
    }

    private async Task<short> CorrectPositionAsync(Guid session, int ordinal)
    {
        await using var db = database.CreateContext();
        return await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.CorrectPosition).SingleAsync();
    }
}
