using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quiz.Core.Game.Duels;
using Quiz.Core.Game.Selection;
using Quiz.Core.Game.Stats;

namespace Quiz.Core.Game;

public static class GameModule
{
    /// <summary>
    /// The game use-cases (scoped: the request's context and transaction), the question bank cache, the game
    /// clock and the profile/leaderboard read models (stateless, one context per call). <see cref="GameOptions"/>
    /// is validated when the host starts.
    /// </summary>
    public static IServiceCollection AddGame(this IServiceCollection services)
    {
        services.AddOptions<GameOptions>().BindConfiguration(GameOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GameOptions>, GameOptionsValidator>();
        services.AddSingleton<SharedSetSeeds>().AddSingleton<PlayAllowance>().AddSingleton<QuestionBankCache>().AddSingleton<SessionTimeouts>()
            .AddSingleton<PressClaims>();
        services.AddScoped<GameService>().AddScoped<AnswerService>().AddScoped<Jokers>().AddScoped<QuestionReports>().AddScoped<DuelService>();
        services.AddSingleton<PlayerHoldingsReader>().AddSingleton<Leaderboards>().AddSingleton<PlayerProfiles>();
        return services;
    }
}
