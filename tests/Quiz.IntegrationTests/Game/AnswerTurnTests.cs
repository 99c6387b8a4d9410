using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

/// <summary>
/// The answer update's path (ADR 0014, <see cref="AnswerService.AnswerAsync"/>): the answer, its score, the next question
/// and the update's claim in one transaction of two round trips, with the same rules as the general path.
/// </summary>
public sealed class AnswerTurnTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private GameTestKit Kit => new(Database, Core, Time);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await GameTestKit.SeedBankAsync(Database, Time.GetUtcNow());
    }

    [Fact]
    public async Task An_answer_returns_its_verdict_and_the_next_question_asked_in_the_same_commit()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var first = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(2));

        var turn = await Kit.TurnAsync(session, player, first.Ordinal, correct: true);

        Assert.Equal((AnswerOutcome.Correct, 145, false), (turn.Result.Outcome, turn.Result.Points, turn.Result.SessionFinished));
        Assert.Equal(first.Text, turn.Result.Asked!.Text);
        var next = Assert.IsType<QuestionView>(turn.Next);
        Assert.Equal((1, 10, Time.GetUtcNow().AddSeconds(20)), (next.Ordinal, next.Total, next.Deadline));
        Assert.NotEqual(first.Text, next.Text);
        // "Weiter" or a second look finds the same question: it was asked with the answer.
        var again = (await Kit.NextAsync(session, player))!;
        Assert.Equal((next.Ordinal, next.Text, next.Deadline), (again.Ordinal, again.Text, again.Deadline));
        Assert.Equal(next.Options, again.Options);
        var stored = await Kit.SessionAsync(session);
        Assert.Equal((145, 1, 1, SessionState.Active), (stored.Score, stored.CorrectCount, stored.BestStreak, stored.State));
    }

    [Fact]
    public async Task Score_streak_and_finish_follow_the_rules_of_every_path()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var pattern = new[] { true, true, false, true, true, true, false, false, true, true };
        var question = (await Kit.NextAsync(session, player))!;
        AnswerTurn? turn = null;
        foreach (var correct in pattern)
        {
            Time.Advance(TimeSpan.FromSeconds(4));
            turn = await Kit.TurnAsync(session, player, question.Ordinal, correct);
            question = turn.Next ?? question;
        }

        // 100 + floor(50 × (1 − 4/20)) = 140 per correct answer; the best run is three.
        var stored = await Kit.SessionAsync(session);
        Assert.Equal((7 * 140, 7, 3, SessionState.Finished), (stored.Score, stored.CorrectCount, stored.BestStreak, stored.State));
        Assert.Null(turn!.Next);
        Assert.True(turn.Result.SessionFinished);
        await using var db = Kit.Context();
        Assert.Equal(10, await db.SessionQuestions.CountAsync(q => q.SessionId == session));
        Assert.Equal(10, await db.AnswerEvents.CountAsync(a => a.SessionId == session));
    }

    [Fact]
    public async Task Ten_simultaneous_taps_record_one_answer_and_ask_one_next_question()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var question = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(2));

        var turns = await StartLine.RunAsync(10, async line =>
        {
            await line.ArriveAsync();
            return await Kit.TurnAsync(session, player, question.Ordinal, correct: true);
        });

        Assert.Single(turns, t => t.Result.Outcome == AnswerOutcome.Correct && t.Next is not null);
        Assert.All(turns.Where(t => t.Result.Outcome != AnswerOutcome.Correct), t =>
        {
            Assert.Contains(t.Result.Outcome, new[] { AnswerOutcome.Passed, AnswerOutcome.AlreadyAnswered });
            Assert.Null(t.Next);
        });
        await using var db = Kit.Context();
        Assert.Equal(1, await db.AnswerEvents.CountAsync(a => a.SessionId == session));
        Assert.Equal(2, await db.SessionQuestions.CountAsync(q => q.SessionId == session));
        Assert.Equal(145, (await Kit.SessionAsync(session)).Score);
    }

    [Fact]
    public async Task The_answer_completes_the_update_claim_in_its_commit_and_a_failure_after_it_reopens_the_claim_for_a_resume()
    {
        var claims = Core.Get<UpdateClaims>();
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var question = (await Kit.NextAsync(session, player))!;
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(7_700_001));

        using (InboundUpdate.Begin(7_700_001, resumed: false))
        {
            await Kit.TurnAsync(session, player, question.Ordinal, correct: true);
            Assert.True(InboundUpdate.Current!.Completed);
        }
        await using (var db = Kit.Context())
        {
            var row = await db.ProcessedUpdates.AsNoTracking().SingleAsync(u => u.UpdateId == 7_700_001);
            Assert.Equal(((DateTimeOffset?)Time.GetUtcNow(), (DateTimeOffset?)Time.GetUtcNow()), (row.CommittedAt, row.CompletedAt));
        }
        // Sending the reply failed on the infrastructure: the pipeline gives the claim back, the redelivery resumes.
        await claims.ReleaseAsync(7_700_001);
        Assert.Equal(UpdateClaim.Resume, await claims.ClaimAsync(7_700_001));
        using (InboundUpdate.Begin(7_700_001, resumed: true))
        {
            var resumed = await Kit.TurnAsync(session, player, question.Ordinal, correct: true);
            Assert.Equal((AnswerOutcome.Correct, 1), (resumed.Result.Outcome, resumed.Next!.Ordinal));
        }
    }

    [Fact]
    public async Task An_answer_with_its_next_question_costs_two_round_trips()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var question = (await Kit.NextAsync(session, player))!;
        await Kit.CorrectPositionAsync(session, question.Ordinal);
        using var commands = new SqlCommands();

        var turn = await commands.CountAsync(() => Kit.TurnAsync(session, player, question.Ordinal, correct: false));

        Assert.Equal(AnswerOutcome.Wrong, turn.Result.Outcome);
        Assert.NotNull(turn.Next);
        Assert.Equal(1 + 2, commands.Counted); // the kit's read of the correct position, then the answer's two batches
    }
}
