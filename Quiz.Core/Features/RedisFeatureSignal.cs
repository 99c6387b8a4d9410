using StackExchange.Redis;

namespace Quiz.Core.Features;

/// <summary>
/// The change signal over Redis pub/sub (channel <see cref="Channel"/>). It carries no state — a receiver reads the
/// switches from PostgreSQL — so a lost or duplicated message costs at most one periodic interval or one extra read.
/// </summary>
public sealed class RedisFeatureSignal(IConnectionMultiplexer redis) : IFeatureSignal
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("quiz:features:changed");

    public async Task PublishAsync(CancellationToken ct) => await redis.GetSubscriber().PublishAsync(Channel, "changed");

    public async Task<IAsyncDisposable> SubscribeAsync(Action changed, CancellationToken ct)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(_ => changed());
        return new Subscription(queue);
    }

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await queue.UnsubscribeAsync();
    }
}
