using Microsoft.EntityFrameworkCore;
using Quiz.Bot.RateLimiting;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

public sealed class OutboxDispatcherTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
{
    private async Task<(OutboxMessage Row, PlayerDirectory Players)> DispatchOneAsync(long chatId, Exception? failure)
    {
        var players = Core.Get<PlayerDirectory>();
        await players.TouchAsync(new PlayerIdentity(chatId, "Ida", null, "de"));
        OutboxMessage row;
        await using (var db = Database.CreateContext())
        {
            row = OutboxWriter.EnqueueMessage(db, chatId, new SendMessagePayload("Das Turnier beginnt!"), Time.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var store = Core.Get<OutboxStore>();
        var claimed = (await store.ClaimAsync(100, TimeSpan.FromMinutes(1))).Single(m => m.Id == row.Id);
        var dispatcher = BotParts.Dispatcher(Core, new FakeTelegram(failure));

        await dispatcher.DispatchAsync(claimed, CancellationToken.None);

        await using var check = Database.CreateContext();
        return (await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id), players);
    }

    [Fact]
    public async Task Sent_message_is_recorded_with_telegrams_message_id()
    {
        var (row, _) = await DispatchOneAsync(9001, failure: null);

        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal("{\"message_id\":99}", row.Result);
    }

    [Fact]
    public async Task Too_many_requests_waits_retry_after_and_is_not_a_failed_attempt()
    {
        var (row, _) = await DispatchOneAsync(9002, FakeTelegram.Error(429, "Too Many Requests: retry after 7", retryAfter: 7));

        Assert.Equal(OutboxState.Pending, row.State);
        Assert.Equal(Time.GetUtcNow().AddSeconds(7), row.AvailableAt);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LockedUntil);
    }

    [Fact]
    public async Task Forbidden_marks_the_player_blocked_and_stops_their_messages()
    {
        var (row, players) = await DispatchOneAsync(9003, FakeTelegram.Error(403, "Forbidden: bot was blocked by the user"));

        Assert.Equal(OutboxState.Dead, row.State);
        Assert.True(await players.HasBlockedBotAsync(9003));
    }

    [Fact]
    public async Task Permanent_bad_request_is_dead_lettered_with_telegrams_reason()
    {
        var (row, _) = await DispatchOneAsync(9004, FakeTelegram.Error(400, "Bad Request: chat not found"));

        Assert.Equal(OutboxState.Dead, row.State);
        Assert.Contains("chat not found", row.LastError);
    }

    [Fact]
    public async Task Network_failure_is_retried_with_backoff_and_counted()
    {
        var (row, _) = await DispatchOneAsync(9005, new HttpRequestException("Connection refused"));

        Assert.Equal(OutboxState.Pending, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Time.GetUtcNow().AddSeconds(2), row.AvailableAt);
    }

    private sealed class NoLimit : ITelegramRateLimiter
    {
        public ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
