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
/// A private chat's own bucket (issue #14, item 1): the short burst Telegram tolerates (<see cref="TelegramOptions.ChatBurst"/>,
/// default 3, as the sandbox models), then 1/s; and a reply can be told not to wait for it at all (issue #12 gap B), while it
/// may still wait briefly for the overall budget. The Redis script and the local fallback alike, as in
/// <see cref="FairSendBudgetTests"/>: local tests on a <see cref="FakeTimeProvider"/>, Redis tests with a chat rate so slow
/// that the test's own duration cannot refill a token.
/// </summary>
public sealed class ChatBurstTests : IDisposable
{
    /// <summary>One message per 10 s per chat: nothing refills while a test against real time looks at the bucket.</summary>
    private static readonly IOptions<TelegramOptions> SlowChat = Options.Create(new TelegramOptions { ChatMessagesPerSecond = 0.1 });

    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => meters.Dispose();

    private RedisTelegramRateLimiter Replica(IConnectionMultiplexer redis, IOptions<TelegramOptions> options) =>
        new(redis, new LocalTelegramRateLimiter(options, time), options, TimeProvider.System, new BotMetrics(meters.GetRequiredService<IMeterFactory>()),
            NullLogger<RedisTelegramRateLimiter>.Instance) { KeyPrefix = $"test:rl:{Guid.NewGuid():N}" };

    private static ValueTask<bool> Now(ITelegramRateLimiter limiter, long chat) =>
        limiter.TryAcquireAsync(chat, SendLane.Reply, TimeSpan.Zero, CancellationToken.None);

    /// <summary>A reply as the sender asks: up to 1.5 s for the overall budget, not a moment for the chat's own.</summary>
    private static ValueTask<bool> Reply(ITelegramRateLimiter limiter, long chat) =>
        limiter.TryAcquireAsync(chat, SendLane.Reply, TimeSpan.FromMilliseconds(1500), TimeSpan.Zero, CancellationToken.None);

    [Fact]
    public async Task A_chat_gets_a_burst_of_three_then_one_message_per_second()
    {
        var limiter = new LocalTelegramRateLimiter(Options.Create(new TelegramOptions()), time);
        for (var i = 0; i < 3; i++) Assert.True(await Now(limiter, 7));
        Assert.False(await Now(limiter, 7));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Now(limiter, 7));
        Assert.False(await Now(limiter, 7));
    }

    [Fact]
    public async Task In_redis_a_chat_gets_the_burst_then_waits_for_its_rate()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var limiter = Replica(redis, SlowChat);
        var chat = Random.Shared.NextInt64(1, long.MaxValue);
        for (var i = 0; i < 3; i++) Assert.True(await Now(limiter, chat));
        Assert.False(await Now(limiter, chat));
    }

    [Fact]
    public async Task The_burst_is_a_setting()
    {
        var options = Options.Create(new TelegramOptions { ChatBurst = 1, ChatMessagesPerSecond = 0.1 });
        var local = new LocalTelegramRateLimiter(options, time);
        Assert.True(await Now(local, 7));
        Assert.False(await Now(local, 7));

        using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var shared = Replica(redis, options);
        var chat = Random.Shared.NextInt64(1, long.MaxValue);
        Assert.True(await Now(shared, chat));
        Assert.False(await Now(shared, chat));
    }

    [Fact]
    public async Task A_reply_does_not_wait_for_its_chats_bucket_and_takes_nothing_when_it_is_empty()
    {
        var limiter = new LocalTelegramRateLimiter(Options.Create(new TelegramOptions()), time);
        for (var i = 0; i < 3; i++) Assert.True(await Reply(limiter, 7));

        // The chat's token is a second away, within the overall wait of 1.5 s: the reply still does not wait for it
        // (on the fake clock a wait would never end).
        Assert.False(await Reply(limiter, 7));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Reply(limiter, 7));
    }

    [Fact]
    public async Task In_redis_a_reply_does_not_wait_for_its_chats_bucket()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var limiter = Replica(redis, Options.Create(new TelegramOptions { ChatMessagesPerSecond = 0.7 }));
        var chat = Random.Shared.NextInt64(1, long.MaxValue);
        for (var i = 0; i < 3; i++) Assert.True(await Reply(limiter, chat));

        // The next token is about 1.4 s away, within the overall wait: a bound on the overall budget alone would wait for it.
        Assert.False(await Reply(limiter, chat));
        Assert.True(await limiter.TryAcquireAsync(chat, SendLane.Reply, TimeSpan.FromMilliseconds(1500), CancellationToken.None));
    }

    [Fact]
    public async Task A_reply_whose_chat_has_a_token_waits_for_the_overall_budget_on_a_real_clock()
    {
        // Before: "not a moment for the chat's own bucket" was checked against the moment the reply asked, so once any
        // time had passed a reply refused even with a full chat bucket; every reply during a flood went to the outbox.
        var limiter = new LocalTelegramRateLimiter(Options.Create(new TelegramOptions()), TimeProvider.System);
        await SpendTheOverallBurstAsync(limiter);
        Assert.True(await Reply(limiter, 7));
    }

    [Fact]
    public async Task In_redis_a_reply_whose_chat_has_a_token_waits_for_the_overall_budget()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var limiter = Replica(redis, Options.Create(new TelegramOptions()));
        await SpendTheOverallBurstAsync(limiter);
        Assert.True(await Reply(limiter, Random.Shared.NextInt64(1, long.MaxValue)));
    }

    /// <summary>Empties the overall bucket (a burst of 5 at the default 25/s) through other chats: the next token is ~40 ms away.</summary>
    private static async Task SpendTheOverallBurstAsync(ITelegramRateLimiter limiter)
    {
        var spent = 0;
        for (var chat = 1_000L; spent < 5 && chat < 1_020; chat++)
        {
            if (await Now(limiter, chat)) spent++;
        }
        Assert.Equal(5, spent);
    }

    [Fact]
    public async Task A_group_keeps_its_20_per_minute_without_a_burst()
    {
        var limiter = new LocalTelegramRateLimiter(Options.Create(new TelegramOptions()), time);
        Assert.True(await Now(limiter, -100123));
        Assert.False(await Now(limiter, -100123));
    }
}
