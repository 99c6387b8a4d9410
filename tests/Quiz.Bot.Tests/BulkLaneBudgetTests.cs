using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Telegram;
using Quiz.Core.Messaging;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.Bot.Tests;

/// <summary>
/// The outbox's lanes in the send budget (issue #14 item 4): bulk notices take only a nearly full overall bucket, so
/// replies and payment notices go first, and never more than their share of the overall rate — per replica and across
/// replicas through Redis.
/// </summary>
public sealed class BulkLaneBudgetTests : IDisposable
{
    /// <summary>Telegram's defaults: 25/s overall (burst 5), bulk at most 80 % of it.</summary>
    private static readonly IOptions<TelegramOptions> Defaults = Options.Create(new TelegramOptions());

    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => meters.Dispose();

    private RedisTelegramRateLimiter Replica(IConnectionMultiplexer redis, IOptions<TelegramOptions> options, string prefix) =>
        new(redis, new LocalTelegramRateLimiter(options, TimeProvider.System), options, TimeProvider.System,
            new BotMetrics(meters.GetRequiredService<IMeterFactory>()), NullLogger<RedisTelegramRateLimiter>.Instance) { KeyPrefix = prefix };

    private static ValueTask<bool> Now(ITelegramRateLimiter limiter, long chat, SendLane lane) =>
        limiter.TryAcquireAsync(chat, lane, TimeSpan.Zero, CancellationToken.None);

    [Fact]
    public void Outbox_lanes_wait_in_their_send_lanes()
    {
        Assert.Equal(SendLane.Reply, SendLanes.Of(OutboxLane.Interactive));
        Assert.Equal(SendLane.Background, SendLanes.Of(OutboxLane.Payment));
        Assert.Equal(SendLane.Bulk, SendLanes.Of(OutboxLane.Bulk));
    }

    [Fact]
    public async Task Bulk_notices_take_only_what_replies_and_payment_notices_leave()
    {
        var limiter = new LocalTelegramRateLimiter(Defaults, time);
        for (var chat = 1; chat <= 5; chat++) Assert.True(await Now(limiter, chat, SendLane.Reply));
        time.Advance(TimeSpan.FromMilliseconds(120));

        // Three tokens back: enough for a payment notice and a reply, not for a bulk notice, even to a chat sent nothing.
        Assert.False(await Now(limiter, 100, SendLane.Bulk));
        Assert.True(await Now(limiter, 101, SendLane.Background));
        Assert.True(await Now(limiter, 102, SendLane.Reply));

        // With nothing else waiting the bulk notice goes once the bucket is nearly full again.
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(await Now(limiter, 100, SendLane.Bulk));
    }

    /// <summary>10 s of simulated time in 2 ms steps: a bulk notice to a new chat every step, a reply to a new chat every 100 ms.</summary>
    [Fact]
    public async Task Bulk_notices_never_get_more_than_their_share_and_replies_always_get_the_rest()
    {
        var limiter = new LocalTelegramRateLimiter(Options.Create(new TelegramOptions { BulkSharePercent = 50 }), time);
        var (bulk, replies, refused) = (0, 0, 0);
        for (var step = 0; step < 5_000; step++)
        {
            if (step % 50 == 0)
            {
                if (await Now(limiter, 1_000_000 + step, SendLane.Reply)) replies++;
                else refused++;
            }
            if (await Now(limiter, step, SendLane.Bulk)) bulk++;
            time.Advance(TimeSpan.FromMilliseconds(2));
        }

        // 50 % of 25/s for 10 s, plus the bulk bucket's one token (what replies leave, 15/s, would allow more); every one
        // of the 10 replies a second went at once.
        Assert.InRange(bulk, 100, 126);
        Assert.Equal((100, 0), (replies, refused));
    }

    [Fact]
    public async Task Across_replicas_bulk_notices_wait_while_replies_take_the_budget()
    {
        var prefix = $"test:rl:{Guid.NewGuid():N}";
        using var redisA = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        using var redisB = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        // 1/s overall (burst 29), so the bucket barely moves while the test looks at it.
        var slow = Options.Create(new TelegramOptions { GlobalMessagesPerSecond = 1 });
        var (a, b) = (Replica(redisA, slow, prefix), Replica(redisB, slow, prefix));
        var first = Random.Shared.NextInt64(1, long.MaxValue / 2);
        var taken = 0;
        while (await Now(a, first + taken, SendLane.Reply)) taken++;
        Assert.InRange(taken, 29, 31);

        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        Assert.False(await Now(b, first + 2_000_000, SendLane.Bulk));
        Assert.True(await Now(a, first + 2_000_001, SendLane.Reply));
    }

    [Fact]
    public async Task Across_replicas_the_bulk_lane_keeps_to_its_share()
    {
        var prefix = $"test:rl:{Guid.NewGuid():N}";
        using var redisA = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        using var redisB = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        // 10 % of 25/s: one bulk notice every 400 ms, while the overall bucket (burst 5) would allow several at once.
        var options = Options.Create(new TelegramOptions { BulkSharePercent = 10 });
        var (a, b) = (Replica(redisA, options, prefix), Replica(redisB, options, prefix));
        var first = Random.Shared.NextInt64(1, long.MaxValue / 2);

        Assert.True(await Now(a, first, SendLane.Bulk));
        Assert.False(await Now(b, first + 1, SendLane.Bulk));
        Assert.True(await Now(b, first + 2, SendLane.Reply));
    }
}
