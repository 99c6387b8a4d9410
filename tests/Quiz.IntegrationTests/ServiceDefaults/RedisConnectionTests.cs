using Quiz.ServiceDefaults;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.IntegrationTests.ServiceDefaults;

/// <summary>How the services connect to Redis (<see cref="RedisExtensions"/>).</summary>
public sealed class RedisConnectionTests
{
    [Fact]
    public async Task The_redis_connection_does_its_io_on_the_thread_pool_and_still_answers()
    {
        var options = ConfigurationOptions.Parse(TestEnvironment.Redis);
        RedisExtensions.ConfigureConnection(options);

        Assert.Same(SocketManager.ThreadPool, options.SocketManager);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        Assert.True((await redis.GetDatabase().PingAsync()) >= TimeSpan.Zero);
    }
}
