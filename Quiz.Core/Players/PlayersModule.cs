using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Players;

public static class PlayersModule
{
    /// <summary>The player directory (identity upsert, snapshots); one short-lived context per call.</summary>
    public static IServiceCollection AddPlayers(this IServiceCollection services) =>
        services.AddSingleton<PlayerDirectory>();
}
