using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class GameFlowTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        if (await db.Questions.AnyAsync(q => q.CategoryId == "spiel")) return;
        db.Categories.Add(new Category { Id = "spiel", Name = "Spiel" });
        for (var i = 0; i < 40; i++)
        {
            var q = TestData.Question($"spiel-{i:D4}", "spiel", Time.GetUtcNow());
            q.CorrectOption = (short)(i % 4);
            db.Questions.Add(q);
        }
        await db.SaveChangesAsync();
    }

    private async Task<long> NewPlayerAsync() =>
        (await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), "Lea", null, "de"))).Id;

    [Fact]
    public async Task A_full_quick_game_scores_every_answer_and_ends_after_ten_questions()
    {
        var player = await NewPlayerAsync();
        await using var scope = Core.Scope();
        var start = await scope.Get<GameService>().StartSessionAsync(player, GameMode.Category, "spiel");
        var session = start.SessionId!.Value;
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            await using var step = Core.Scope();
            var question = await step.Get<GameService>().GetNextQuestionAsync(session, player);
            Assert.NotNull(question);
            Assert.Equal((i, 10, "Spiel"), (question.Ordinal, question.Total, question.Category));
            Time.Advance(TimeSpan.FromSeconds(5));
            var correctPosition = await CorrectPositionAsync(session, i);
            var answer = await step.Get<AnswerService>().SubmitAnswerAsync(session, player, i, correctPosition);
            Assert.Equal((AnswerOutcome.Correct, 137, i == 9), (answer.Outcome, answer.Points, answer.SessionFinished));
            total += answer.Points;
        }

        await using var check = Core.Scope();
        Assert.Null(await check.Get<GameService>().GetNextQuestionAsync(session, player));
        var finished = await check.Db.GameSessions.SingleAsync(s => s.Id == session);
        Assert.Equal((SessionState.Finished, total, 10, 10), (finished.State, finished.Score, finished.CorrectCount, finished.BestStreak));
        Assert.Equal(10, await check.Db.SessionQuestions.Where(q => q.SessionId == session).Select(q => q.QuestionId).Distinct().CountAsync());
    }

    [Fact]
    public async Task Two_devices_answering_the_same_question_count_exactly_once()
    {
        var player = await NewPlayerAsync();
        Guid session;
        await using (var scope = Core.Scope())
        {
            session = (await scope.Get<GameService>().StartSessionAsync(player, GameMode.Quick)).SessionId!.Value;
            await scope.Get<GameService>().GetNextQuestionAsync(session, player);
        }
        using var start = new Barrier(10);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await using var scope = Core.Scope();
            await scope.Db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            return await scope.Get<AnswerService>().SubmitAnswerAsync(session, player, 0, (short)(i % 4));
        })));

        Assert.Equal(1, results.Count(r => r.Counted));
        Assert.Equal(9, results.Count(r => r.Outcome == AnswerOutcome.AlreadyAnswered));
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.AnswerEvents.CountAsync(a => a.SessionId == session));
        Assert.Equal(results.Single(r => r.Counted).Points, (await check.GameSessions.SingleAsync(s => s.Id == session)).Score);
    }

    [Fact]
    public async Task An_answer_after_the_time_limit_counts_as_wrong()
    {
        var player = await NewPlayerAsync();
        await using var scope = Core.Scope();
        var session = (await scope.Get<GameService>().StartSessionAsync(player, GameMode.Quick)).SessionId!.Value;
        await scope.Get<GameService>().GetNextQuestionAsync(session, player);
        Time.Advance(Core.Get<IOptions<GameOptions>>().Value.AnswerLimit + TimeSpan.FromMilliseconds(1));

        var answer = await scope.Get<AnswerService>().SubmitAnswerAsync(session, player, 0, await CorrectPositionAsync(session, 0));

        Assert.Equal((AnswerOutcome.Late, 0), (answer.Outcome, answer.Points));
    }

    [Fact]
    public async Task Old_or_forged_answers_change_nothing()
    {
        var player = await NewPlayerAsync();
        var stranger = await NewPlayerAsync();
        await using var scope = Core.Scope();
        var session = (await scope.Get<GameService>().StartSessionAsync(player, GameMode.Quick)).SessionId!.Value;
        await scope.Get<GameService>().GetNextQuestionAsync(session, player);
        var answers = scope.Get<AnswerService>();

        Assert.Equal(AnswerOutcome.SessionClosed, (await answers.SubmitAnswerAsync(session, stranger, 0, 1)).Outcome);
        Assert.Equal(AnswerOutcome.NotCurrent, (await answers.SubmitAnswerAsync(session, player, 3, 1)).Outcome);
        Assert.Equal(AnswerOutcome.SessionClosed, (await answers.SubmitAnswerAsync(session, player, 0, 7)).Outcome);
        Assert.Equal(AnswerOutcome.SessionClosed, (await answers.SubmitAnswerAsync(Guid.NewGuid(), player, 0, 1)).Outcome);
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.AnswerEvents.CountAsync(a => a.SessionId == session));
    }

    [Fact]
    public async Task The_sixth_game_of_a_berlin_day_is_refused_even_when_started_in_parallel()
    {
        var player = await NewPlayerAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var scope = Core.Scope();
            Assert.Equal(StartOutcome.Started, (await scope.Get<GameService>().StartSessionAsync(player, GameMode.Quick)).Outcome);
        }

        var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var scope = Core.Scope();
            return (await scope.Get<GameService>().StartSessionAsync(player, GameMode.Quick)).Outcome;
        })));

        Assert.Equal(2, parallel.Count(o => o == StartOutcome.Started));
        Assert.Equal(4, parallel.Count(o => o == StartOutcome.QuotaExhausted));
        await using var check = Database.CreateContext();
        Assert.Equal(PlayAllowance.FreeGamesPerDay, await check.GameSessions.CountAsync(s => s.PlayerId == player));
    }

    private async Task<short> CorrectPositionAsync(Guid session, int ordinal)
    {
        await using var db = Database.CreateContext();
        return await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.CorrectPosition).SingleAsync();
    }
}
