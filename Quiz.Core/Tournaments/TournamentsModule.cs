using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Core.Tournaments;

public static class TournamentsModule
{
    /// <summary>Entering and playing (scoped, the request's context), the lifecycle steps, series planning and the console's administration.</summary>
    public static IServiceCollection AddTournaments(this IServiceCollection services) =>
        services.AddScoped<TournamentService>().AddScoped<TournamentLifecycle>().AddSingleton<TournamentAdministration>()
            .AddSingleton<TournamentPlayerSearch>().AddScoped<SeriesPlanner>().AddSingleton<SeriesAdministration>();
}
