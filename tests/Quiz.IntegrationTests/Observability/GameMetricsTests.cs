using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Observability;

/// <summary>
/// Games and answers count once, when their transaction commits (<see cref="CommittedFacts"/>): not for a replayed
/// or resumed delivery, not for a racing second tap the unique index refuses, not for a transaction rolled back.
/// </summary>
public sealed class GameMetricsTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private GameTestKit Kit => new(Database, Core, Time);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await GameTestKit.SeedBankAsync(Database, Time.GetUtcNow());
    }

    [Fact]
    public async Task A_game_counts_one_start_one_finish_and_each_answer_once_however_often_its_updates_are_replayed()
    {
        using var started = new CoreMeter(Core, "quiz.games.started");
        using var finished = new CoreMeter(Core, "quiz.games.finished");
        using var answers = new CoreMeter(Core, "quiz.answers");
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        using (InboundUpdate.Begin(9_001, resumed: true))
        {
            Assert.Equal(session, (await Kit.StartAsync(player, GameMode.Quick)).SessionId);
        }
        Assert.Equal(1, started.Sum("mode=quick"));

        var first = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(AnswerOutcome.Correct, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);
        // The answer asked the next question with it (ADR 0014): the first one is an earlier question now.
        Assert.Equal(AnswerOutcome.Passed, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);
        using (InboundUpdate.Begin(9_002, resumed: true))
        {
            Assert.Equal(AnswerOutcome.Correct, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);
        }
        Assert.Equal(1, answers.Sum("mode=quick", "result=correct"));

        await Kit.PlayAsync(session, player, ordinal => ordinal % 2 == 0);
        Assert.Equal(SessionState.Finished, (await Kit.SessionAsync(session)).State);
        Assert.Equal(1, finished.Sum("mode=quick"));
        Assert.Equal(1, started.Sum());
        Assert.Equal(10, answers.Sum("mode=quick"));
        Assert.Equal(5, answers.Sum("result=wrong")); // ordinals 1, 3, 5, 7, 9
    }

    [Fact]
    public async Task Ten_simultaneous_taps_on_one_question_count_one_answer()
    {
        using var answers = new CoreMeter(Core, "quiz.answers");
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var question = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(2));

        var results = await StartLine.RunAsync(10, async line =>
        {
            await line.ArriveAsync();
            return await Kit.AnswerAsync(session, player, question.Ordinal, correct: false);
        });

        Assert.Equal(1, results.Count(r => r.Outcome == AnswerOutcome.Wrong));
        Assert.Equal(1, answers.Sum());
        Assert.Equal(1, answers.Sum("mode=quick", "result=wrong"));
    }

    [Fact]
    public async Task A_game_saved_in_a_transaction_that_is_rolled_back_is_not_counted_nor_carried_into_the_next_one()
    {
        using var started = new CoreMeter(Core, "quiz.games.started");
        await using (var scope = Core.Scope())
        {
            await using (var tx = await scope.Db.Database.BeginTransactionAsync())
            {
                await TestData.SeedGameAsync(scope.Db, Time.GetUtcNow());
                await scope.Db.SaveChangesAsync();
                // disposed without a commit: rolled back
            }
            await using (var tx = await scope.Db.Database.BeginTransactionAsync())
            {
                await tx.CommitAsync();
            }
        }
        Assert.Equal(0, started.Sum());

        await Kit.StartAsync(await Kit.NewPlayerAsync(), GameMode.Survival);
        Assert.Equal(1, started.Sum());
        Assert.Equal(1, started.Sum("mode=survival"));
    }
}
