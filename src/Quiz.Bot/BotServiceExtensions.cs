using Quiz.Core;
using Quiz.ServiceDefaults;

namespace Quiz.Bot;

public static class BotServiceExtensions
{
    /// <summary>The bot's dependencies: Core (PostgreSQL) and the shared Redis.</summary>
    public static WebApplicationBuilder AddBotServices(this WebApplicationBuilder builder)
    {
        builder.AddQuizCore();
        builder.AddQuizRedis();
        return builder;
    }
}
