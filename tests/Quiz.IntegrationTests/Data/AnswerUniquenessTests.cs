using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Data;

public sealed class AnswerUniquenessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static AnswerEvent Answer(GameSession session, short chosen) => new()
    {
        SessionId = session.Id,
        Ordinal = 0,
        PlayerId = session.PlayerId,
        QuestionId = session.Questions[0].QuestionId,
        ChosenPosition = chosen,
        IsCorrect = chosen == 1,
        Points = chosen == 1 ? 140 : 0,
        AnswerMs = 2500,
        CreatedAt = Now.AddSeconds(2),
    };

    [Fact]
    public async Task RecordAsync_second_answer_for_the_same_question_is_already_answered()
    {
        await using var seed = database.CreateContext();
        var (_, session) = await TestData.SeedGameAsync(seed, Now);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstOutcome = await new AnswerRecorder(first).RecordAsync(Answer(session, 1));
        var secondOutcome = await new AnswerRecorder(second).RecordAsync(Answer(session, 3));

        Assert.Equal(AnswerRecordOutcome.Recorded, firstOutcome);
        Assert.Equal(AnswerRecordOutcome.AlreadyAnswered, secondOutcome);
        await using var check = database.CreateContext();
        var stored = await check.AnswerEvents.SingleAsync(a => a.SessionId == session.Id);
        Assert.Equal((short)1, stored.ChosenPosition);
    }

    [Fact]
    public async Task RecordAsync_concurrent_taps_on_two_devices_count_exactly_once()
    {
        await using var seed = database.CreateContext();
        var (_, session) = await TestData.SeedGameAsync(seed, Now);
        using var start = new Barrier(16);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync();
            start.SignalAndWait();
            return await new AnswerRecorder(db).RecordAsync(Answer(session, (short)(i % 4)));
        })));

        Assert.Equal(1, outcomes.Count(o => o == AnswerRecordOutcome.Recorded));
        Assert.Equal(15, outcomes.Count(o => o == AnswerRecordOutcome.AlreadyAnswered));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.AnswerEvents.CountAsync(a => a.SessionId == session.Id));
    }
}
