using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Quiz.ServiceDefaults;

public static class RedisExtensions
{
    /// <summary>The shared Redis (<c>cache</c>) with its health check, which then gates <c>/ready</c>.</summary>
    public static TBuilder AddQuizRedis<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(QuizResources.Cache, settings => settings.DisableTracing = false, ConfigureConnection);
        return builder;
    }

    /// <summary>
    /// The connection's socket I/O and completions run on the .NET thread pool instead of StackExchange.Redis's own ten
    /// dedicated threads: every update's Redis round trip (the inbound gate, the send budget) handed its completion to one of
    /// them and back, and in a CPU profile of the answer path those threads' wake-ups and hand-offs were the largest single
    /// cost of the bot on two cores (docs/benchmarks.md, "Answer path: a CPU profile").
    /// </summary>
    public static void ConfigureConnection(ConfigurationOptions options) => options.SocketManager = SocketManager.ThreadPool;
}
