using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Telegram;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.Bot.Tests;

/// <summary>
/// The send budget's order (issue #12, item 1; ADR 0011): with the overall budget contended, a reply to a
/// chat that was sent little lately goes before chats that were just sent to, replies go before background
/// sends, and flooded chats share what is left — across replicas through Redis, and per replica without it.
/// Time is a <see cref="FakeTimeProvider"/> where the code allows; the Redis script uses the server's clock,
/// so its tests set up a state whose outcome does not depend on how long the test takes.
/// </summary>
public sealed class FairSendBudgetTests : IDisposable
{
    /// <summary>Telegram's defaults: 25/s overall (burst 5), 1/s per chat.</summary>
    private static readonly IOptions<TelegramOptions> Defaults = Options.Create(new TelegramOptions());

    /// <summary>1/s overall, so the bucket (burst 29) barely moves while a test against real time looks at it.</summary>
    private static readonly IOptions<TelegramOptions> Slow = Options.Create(new TelegramOptions { GlobalMessagesPerSecond = 1 });

    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => meters.Dispose();

    private RedisTelegramRateLimiter Replica(IConnectionMultiplexer redis, IOptions<TelegramOptions> options, TimeProvider clock, string prefix) =>
        new(redis, new LocalTelegramRateLimiter(options, clock), options, clock, new BotMetrics(meters.GetRequiredService<IMeterFactory>()),
            NullLogger<RedisTelegramRateLimiter>.Instance) { KeyPrefix = prefix };

    private static ValueTask<bool> Now(ITelegramRateLimiter limiter, long chat, SendLane lane = SendLane.Reply) =>
        limiter.TryAcquireAsync(chat, lane, TimeSpan.Zero, CancellationToken.None);

    [Fact]
    public async Task A_quiet_chat_goes_before_chats_that_were_just_sent_to()
    {
        var limiter = new LocalTelegramRateLimiter(Options.Create(new TelegramOptions { GlobalMessagesPerSecond = 5 }), time);
        await AssertQuietChatFirstAsync(limiter);
    }

    [Fact]
    public async Task Without_redis_each_replica_keeps_the_fair_order()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var limiter = Replica(redis, Options.Create(new TelegramOptions { GlobalMessagesPerSecond = 5 }), time, "unused");
        await AssertQuietChatFirstAsync(limiter);
    }

    /// <summary>5/s overall (burst 25): 25 chats empty the bucket; a second later it holds 5, enough for a quiet chat but not for them.</summary>
    private async Task AssertQuietChatFirstAsync(ITelegramRateLimiter limiter)
    {
        var flooded = Enumerable.Range(1, 25).Select(i => (long)i).ToArray();
        foreach (var chat in flooded) Assert.True(await Now(limiter, chat));
        time.Advance(TimeSpan.FromSeconds(1));

        // Each flooded chat may send again by Telegram's per-chat limit and the bucket holds 5 tokens,
        // yet none of them gets one while a chat that was sent nothing waits: that one goes first.
        foreach (var chat in flooded) Assert.False(await Now(limiter, chat));
        Assert.True(await Now(limiter, 1000));

        // Their turn comes when nobody quieter wants the budget: nobody is starved.
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await Now(limiter, flooded[0]));
    }

    [Fact]
    public async Task Replies_go_before_background_sends()
    {
        var limiter = new LocalTelegramRateLimiter(Defaults, time);
        for (var chat = 1; chat <= 5; chat++) Assert.True(await Now(limiter, chat));
        time.Advance(TimeSpan.FromMilliseconds(80));

        // Two tokens back: enough for a reply, not for an outbox send or a notice, even to a chat sent nothing.
        Assert.False(await Now(limiter, 100, SendLane.Background));
        Assert.True(await Now(limiter, 101, SendLane.Reply));

        // With nothing else waiting the background gets its token once the bucket holds its need.
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(await Now(limiter, 100, SendLane.Background));
    }

    [Fact]
    public void A_burst_queued_by_one_chat_does_not_hold_up_a_single_reply_to_another()
    {
        var limiter = new LocalTelegramRateLimiter(Defaults, time);
        const long burst = 1, single = 2;
        for (var i = 0; i < 5; i++) limiter.TryTake(burst, SendLane.Reply, null);
        time.Advance(TimeSpan.FromSeconds(1));
        for (var chat = 10; chat < 13; chat++) Assert.Equal(TimeSpan.Zero, limiter.TryTake(chat, SendLane.Reply, null));

        // The burst's messages may go by the chat's own limit again and the bucket holds two tokens: the single
        // reply to the other chat takes the next one, the burst waits for more.
        Assert.NotEqual(TimeSpan.Zero, limiter.TryTake(burst, SendLane.Reply, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.Zero, limiter.TryTake(single, SendLane.Reply, null));
    }

    /// <summary>
    /// 40 chats that always have a reply waiting against one chat with a reply every 2 s, 20 s of simulated time in
    /// 2 ms steps; each step the flooded chats try first, then the quiet one: the quiet chat's worst position.
    /// </summary>
    [Fact]
    public void Flooded_chats_share_the_budget_and_a_quiet_chat_keeps_its_turn()
    {
        var limiter = new LocalTelegramRateLimiter(Defaults, time);
        const long quiet = 5000;
        var sent = new int[40];
        var waiting = new DateTimeOffset?[41];
        var waits = new List<TimeSpan>();
        var start = time.GetUtcNow();

        bool Attempt(int slot, long chat)
        {
            var now = time.GetUtcNow();
            TimeSpan? waited = waiting[slot] is { } since ? now - since : null;
            waiting[slot] ??= now;
            if (limiter.TryTake(chat, SendLane.Reply, waited) != TimeSpan.Zero) return false;
            if (slot == 40) waits.Add(now - waiting[slot]!.Value);
            waiting[slot] = null;
            return true;
        }

        for (var step = 0; step < 10_000; step++)
        {
            for (var i = 0; i < sent.Length; i++)
            {
                var slot = (step + i) % sent.Length;
                if (Attempt(slot, slot + 1)) sent[slot]++;
            }
            if (step % 1000 == 0 || waiting[40] is not null) Attempt(40, quiet);
            time.Advance(TimeSpan.FromMilliseconds(2));
        }
        var seconds = (time.GetUtcNow() - start).TotalSeconds;

        // Telegram's limits hold: at most the burst plus 25/s overall, at most 1/s per chat.
        Assert.True(sent.Sum() + waits.Count <= 5 + (25 * seconds), $"{sent.Sum() + waits.Count} messages in {seconds} s");
        Assert.All(sent, n => Assert.True(n <= 1 + seconds, $"{n} messages to one chat"));
        // The quiet chat got every reply within its fair turn: one round of the 41 chats at 25/s (1.64 s), however
        // far behind it asks each step.
        Assert.True(waits.Count == 10, string.Join(", ", waits.Select(w => w.TotalMilliseconds)));
        Assert.All(waits, w => Assert.True(w <= TimeSpan.FromMilliseconds(1640), $"the quiet chat waited {w.TotalMilliseconds} ms"));
        // The flooded chats split the rest evenly: none more than one message above its share, none starved.
        var share = (double)sent.Sum() / sent.Length;
        Assert.True(sent.Max() <= share + 1 && sent.Min() >= share - 2, $"flooded chats got {sent.Min()}–{sent.Max()} messages, share {share:F1}");
    }

    [Fact]
    public async Task Across_replicas_a_chat_just_sent_to_waits_behind_a_quiet_one()
    {
        var prefix = $"test:rl:{Guid.NewGuid():N}";
        using var redisA = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        using var redisB = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var (a, b) = (Replica(redisA, Slow, TimeProvider.System, prefix), Replica(redisB, Slow, TimeProvider.System, prefix));
        var flooded = Random.Shared.NextInt64(1, long.MaxValue / 2);
        await SaturateAsync(a, flooded);

        // A second later the flooded chat may send again by its own limit and the bucket holds about one
        // token: enough for a chat that was sent nothing, whichever replica asks, not for the flooded chat.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        Assert.False(await Now(b, flooded));
        Assert.False(await Now(a, flooded));
        Assert.True(await Now(b, flooded + 1_000_000));
    }

    [Fact]
    public async Task Across_replicas_replies_go_before_background_sends()
    {
        var prefix = $"test:rl:{Guid.NewGuid():N}";
        using var redisA = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        using var redisB = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var (a, b) = (Replica(redisA, Slow, TimeProvider.System, prefix), Replica(redisB, Slow, TimeProvider.System, prefix));
        var first = Random.Shared.NextInt64(1, long.MaxValue / 2);
        await SaturateAsync(a, first);

        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        Assert.False(await Now(b, first + 2_000_000, SendLane.Background));
        Assert.True(await Now(a, first + 2_000_001, SendLane.Reply));
    }

    /// <summary>Fresh chats, <paramref name="first"/> among them, take the whole bucket (29 tokens at 1/s).</summary>
    private static async Task SaturateAsync(ITelegramRateLimiter limiter, long first)
    {
        var taken = 0;
        while (await Now(limiter, first + taken)) taken++;
        Assert.InRange(taken, 29, 31);
    }
}
