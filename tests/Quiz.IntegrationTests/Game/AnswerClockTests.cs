using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

/// <summary>The answer clock starts when the question's message goes out, not when the question is picked (docs/security.md).</summary>
public sealed class AnswerClockTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero))
{
    private GameTestKit Kit => new(Database, Core, Time);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await GameTestKit.SeedBankAsync(Database, Time.GetUtcNow());
    }

    [Fact]
    public async Task A_question_that_waited_in_the_outbox_keeps_its_whole_answer_time()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var question = await Kit.NextAsync(session, player);

        // The send budget held the message back for 15 of the 20 seconds; it goes out now.
        Time.Advance(TimeSpan.FromSeconds(15));
        await using (var sending = Core.Scope()) await sending.Get<GameService>().MarkSentAsync(session, question!.Ordinal, messageId: 4711);
        Time.Advance(TimeSpan.FromSeconds(12));

        var answer = await Kit.AnswerAsync(session, player, question.Ordinal, correct: true);

        Assert.Equal(AnswerOutcome.Correct, answer.Outcome);
        Assert.True(answer.Points > 0);
        await using var check = Core.Scope();
        var asked = await check.Db.SessionQuestions.SingleAsync(q => q.SessionId == session && q.Ordinal == question.Ordinal);
        Assert.Equal((4711L, Time.GetUtcNow().AddSeconds(-12)), (asked.MessageId!.Value, asked.SentAt!.Value));
    }

    [Fact]
    public async Task The_clock_never_moves_back_and_never_restarts_after_the_answer()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var question = await Kit.NextAsync(session, player);
        Time.Advance(TimeSpan.FromSeconds(3));
        await Kit.AnswerAsync(session, player, question!.Ordinal, correct: false);
        DateTimeOffset? deadline;
        await using (var before = Core.Scope())
        {
            deadline = (await before.Db.SessionQuestions.SingleAsync(q => q.SessionId == session && q.Ordinal == question.Ordinal)).DeadlineAt;
        }

        // A redelivered send (the outbox row ran again) after the answer changes the message id only.
        Time.Advance(TimeSpan.FromSeconds(30));
        await using (var late = Core.Scope()) await late.Get<GameService>().MarkSentAsync(session, question.Ordinal, messageId: 99);

        await using var check = Core.Scope();
        var asked = await check.Db.SessionQuestions.SingleAsync(q => q.SessionId == session && q.Ordinal == question.Ordinal);
        Assert.Equal((99L, deadline), (asked.MessageId!.Value, asked.DeadlineAt));
    }
}
