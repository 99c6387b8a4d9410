using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
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

    /// <summary>Inserts one answer; true when stored, false when the unique (session, ordinal) index refused it.</summary>
    private static async Task<bool> TryInsertAsync(QuizDbContext db, AnswerEvent answer)
    {
        db.AnswerEvents.Add(answer);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(AnswerEvent.UniquePerSessionQuestion))
        {
            return false;
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_answer_for_the_same_question()
    {
        await using var seed = database.CreateContext();
        var (_, session) = await TestData.SeedGameAsync(seed, Now);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        Assert.True(await TryInsertAsync(first, Answer(session, 1)));
        Assert.False(await TryInsertAsync(second, Answer(session, 3)));

        await using var check = database.CreateContext();
        var stored = await check.AnswerEvents.SingleAsync(a => a.SessionId == session.Id);
        Assert.Equal((short)1, stored.ChosenPosition);
    }

    [Fact]
    public async Task Concurrent_inserts_from_two_devices_store_exactly_one_answer()
    {
        await using var seed = database.CreateContext();
        var (_, session) = await TestData.SeedGameAsync(seed, Now);

        var device = -1;
        var stored = await StartLine.RunAsync(16, async line =>
        {
            var chosen = (short)(Interlocked.Increment(ref device) % 4);
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync();
            await line.ArriveAsync();
            return await TryInsertAsync(db, Answer(session, chosen));
        });

        Assert.Equal(1, stored.Count(s => s));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.AnswerEvents.CountAsync(a => a.SessionId == session.Id));
    }
}
