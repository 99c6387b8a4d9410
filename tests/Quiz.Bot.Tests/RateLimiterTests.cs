using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Telegram;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.Bot.Tests;

/// <summary>The send budget against the real Redis, with two limiter instances standing for two replicas.</summary>
public sealed class RateLimiterTests : IDisposable
{
    private static readonly IOptions<TelegramOptions> Options = Microsoft.Extensions.Options.Options.Create(new TelegramOptions());

    /// <summary>A real meter factory (as a host has) for the bot's instruments.</summary>
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private RedisTelegramRateLimiter Replica(IConnectionMultiplexer redis) =>
        new(redis, new LocalTelegramRateLimiter(Options, TimeProvider.System), Options, TimeProvider.System, new BotMetrics(meters.GetRequiredService<IMeterFactory>()),
            NullLogger<RedisTelegramRateLimiter>.Instance);

    public void Dispose() => meters.Dispose();

    [Fact]
    public async Task Two_replicas_share_one_budget_per_chat()
    {
        using var redisA = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        using var redisB = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var chat = Random.Shared.NextInt64(1, long.MaxValue);
        var (a, b) = (Replica(redisA), Replica(redisB));

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) await (i % 2 == 0 ? a : b).AcquireAsync(chat, SendLane.Reply, CancellationToken.None);

        // A burst of three, then one message per second per chat, whichever replica sends: the fifth waited two refills.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.8), $"only {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Without_redis_the_local_limiter_still_holds_the_chat_budget()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var limiter = Replica(redis);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 4; i++) await limiter.AcquireAsync(42, SendLane.Reply, CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"only {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task A_bounded_acquire_refuses_without_taking_when_the_wait_would_be_longer()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var limiter = Replica(redis);
        var chat = Random.Shared.NextInt64(1, long.MaxValue);

        for (var i = 0; i < 3; i++) Assert.True(await limiter.TryAcquireAsync(chat, SendLane.Reply, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        var clock = Stopwatch.StartNew();
        Assert.False(await limiter.TryAcquireAsync(chat, SendLane.Reply, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(900), $"refusing took {clock.Elapsed.TotalMilliseconds:F0} ms");

        // The refusal took nothing: one refill (1 s) brings the next slot; had it taken one, this would need two.
        Assert.True(await limiter.TryAcquireAsync(chat, SendLane.Reply, TimeSpan.FromMilliseconds(1500), CancellationToken.None));
    }
}
