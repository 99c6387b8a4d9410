namespace Quiz.AppHost;

/// <summary>
/// Forwards the optional <c>Game:*</c> settings of the app model (answer limit, reveal grace, idle
/// limit) to the services that run the game clock, so bot and worker always agree on them.
/// </summary>
public static class GameSettings
{
    public static IResourceBuilder<ProjectResource> WithGameSettings(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder)
    {
        foreach (var setting in builder.Configuration.GetSection("Game").GetChildren())
        {
            if (setting.Value is { } value) service.WithEnvironment($"Game__{setting.Key}", value);
        }
        return service;
    }
}
