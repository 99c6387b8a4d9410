namespace Quiz.AppHost;

/// <summary>
/// The console's Betrieb page probes the bot's and the worker's <c>/ready</c> (<c>Admin:Betrieb:*ReadyUrl</c>): here the
/// addresses the app model gave them (with replicas, the proxied endpoint), on loopback, which their management network allows.
/// </summary>
internal static class MachineryResources
{
    public static IResourceBuilder<ProjectResource> WithReadinessOf(
        this IResourceBuilder<ProjectResource> admin, IResourceBuilder<ProjectResource> bot, IResourceBuilder<ProjectResource> worker) =>
        admin
            .WithEnvironment("Admin__Betrieb__BotReadyUrl", ReferenceExpression.Create($"{bot.GetEndpoint("http")}/ready"))
            .WithEnvironment("Admin__Betrieb__WorkerReadyUrl", ReferenceExpression.Create($"{worker.GetEndpoint("http")}/ready"));
}
