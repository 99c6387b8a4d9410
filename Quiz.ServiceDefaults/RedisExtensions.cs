using Microsoft.Extensions.Hosting;

namespace Quiz.ServiceDefaults;

public static class RedisExtensions
{
    /// <summary>The shared Redis (<c>cache</c>) with its health check, which then gates <c>/ready</c>.</summary>
    public static TBuilder AddQuizRedis<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(QuizResources.Cache, settings => settings.DisableTracing = false);
        return builder;
    }
}
