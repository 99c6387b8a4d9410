using Microsoft.Extensions.Configuration;

namespace Quiz.AppHost;

/// <summary>
/// Forwards the optional <c>Game:*</c> settings of the app model (answer limit, reveal grace, idle
/// limit) and <c>Economy:*</c> settings (reconciliation settle time, step bounds and limits) to the
/// services that run the game clock and the economy, so bot, worker and console (which requests
/// reconciliation runs) always agree on them.
/// </summary>
public static class GameSettings
{
    private static readonly string[] Sections = ["Game", "Economy"];

    public static IResourceBuilder<ProjectResource> WithGameSettings(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder)
    {
        foreach (var section in Sections)
        {
            foreach (var (key, value) in builder.Configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null) service.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
        return service;
    }
}
