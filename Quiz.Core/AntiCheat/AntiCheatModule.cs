using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quiz.Core.Game;

namespace Quiz.Core.AntiCheat;

public static class AntiCheatModule
{
    /// <summary>
    /// Moderation of players (ban, hold out of rankings), cheat flags and their detectors; one short-lived context per call.
    /// <see cref="AntiCheatOptions"/> is validated when the host starts.
    /// </summary>
    public static IServiceCollection AddAntiCheat(this IServiceCollection services)
    {
        services.AddOptions<AntiCheatOptions>().BindConfiguration(AntiCheatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AntiCheatOptions>, AntiCheatOptionsValidator>();
        services.AddSingleton<PlayerModeration>().AddSingleton<CheatFlags>().AddSingleton<CheatScan>();
        services.AddSingleton<FastAnswerWatch>().AddSingleton<IAnswerWatch>(sp => sp.GetRequiredService<FastAnswerWatch>());
        return services;
    }
}
