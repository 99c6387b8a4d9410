using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.AntiCheat;

public static class AntiCheatModule
{
    /// <summary>Moderation of players (ban, hold out of rankings); one short-lived context per call.</summary>
    public static IServiceCollection AddAntiCheat(this IServiceCollection services) =>
        services.AddSingleton<PlayerModeration>();
}
