using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

public sealed class HousekeepingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_forgets_old_update_ids_and_abandons_idle_games_only()
    {
        Guid idle, recent, paused, finished;
        await using (var db = database.CreateContext())
        {
            db.ProcessedUpdates.AddRange(
                new ProcessedUpdate { UpdateId = 1, ReceivedAt = Now.AddHours(-49) },
                new ProcessedUpdate { UpdateId = 2, ReceivedAt = Now.AddHours(-47) });
            idle = await SeedAsync(db, SessionState.Active, Now.AddMinutes(-16));
            recent = await SeedAsync(db, SessionState.Active, Now.AddMinutes(-14));
            paused = await SeedAsync(db, SessionState.Paused, Now.AddMinutes(-30));
            finished = await SeedAsync(db, SessionState.Finished, Now.AddHours(-3));
        }

        await using var run = database.CreateContext();
        var result = await new Housekeeping(run, new FakeTimeProvider(Now), NullLogger<Housekeeping>.Instance).RunAsync();

        Assert.Equal(new HousekeepingResult(1, 2), result);
        await using var check = database.CreateContext();
        Assert.Equal([2L], await check.ProcessedUpdates.Select(u => u.UpdateId).ToListAsync());
        var states = await check.GameSessions.ToDictionaryAsync(s => s.Id, s => (s.State, s.FinishedAt));
        Assert.Equal((SessionState.Abandoned, (DateTimeOffset?)Now), states[idle]);
        Assert.Equal((SessionState.Abandoned, (DateTimeOffset?)Now), states[paused]);
        Assert.Equal(SessionState.Active, states[recent].State);
        Assert.Equal(SessionState.Finished, states[finished].State);
    }

    [Fact]
    public async Task RunAsync_twice_changes_nothing_the_second_time()
    {
        await using (var db = database.CreateContext())
        {
            await SeedAsync(db, SessionState.Active, Now.AddDays(-1));
        }
        var time = new FakeTimeProvider(Now);
        await using (var first = database.CreateContext())
        {
            await new Housekeeping(first, time, NullLogger<Housekeeping>.Instance).RunAsync();
        }

        await using var second = database.CreateContext();
        var result = await new Housekeeping(second, time, NullLogger<Housekeeping>.Instance).RunAsync();

        Assert.Equal(new HousekeepingResult(0, 0), result);
    }

    private static async Task<Guid> SeedAsync(Quiz.Core.Data.QuizDbContext db, SessionState state, DateTimeOffset lastActivity)
    {
        var session = new GameSession
        {
            Id = Guid.CreateVersion7(),
            Player = TestData.Player(Now),
            Mode = GameMode.Quick,
            State = state,
            QuestionCount = 10,
            StartedAt = lastActivity.AddMinutes(-2),
            LastActivityAt = lastActivity,
            FinishedAt = GameSession.IsOpen(state) ? null : lastActivity,
        };
        db.GameSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
