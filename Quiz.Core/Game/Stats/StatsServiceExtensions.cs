using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Game.Stats;

public static class StatsServiceExtensions
{
    /// <summary>Profile and leaderboard read models; stateless, one DbContext per call.</summary>
    public static IServiceCollection AddGameStats(this IServiceCollection services)
    {
        services.AddSingleton<PlayerHoldingsReader>();
        services.AddSingleton<Leaderboards>();
        services.AddSingleton<PlayerProfiles>();
        return services;
    }
}
