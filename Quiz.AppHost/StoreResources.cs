using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quiz.ServiceDefaults;

namespace Quiz.AppHost;

internal static class StoreResources
{
    /// <summary>The Redis <c>cache</c>: from <c>ConnectionStrings:cache</c> if set, else a container.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddQuizCache(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(QuizResources.Cache);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return builder.AddRedis(QuizResources.Cache);
        }

        var check = $"{QuizResources.Cache}-reachable";
        builder.Services.AddHealthChecks().AddRedis(configured, name: check);
        return builder.AddConnectionString(QuizResources.Cache).WithHealthCheck(check);
    }

    /// <summary>
    /// Both stores (the database as the services' role), started only after the migrator finished, healthy only when
    /// <c>/ready</c> is. The service waits for the owner's connection: it is the one with a health of its own.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithQuizStores(
        this IResourceBuilder<ProjectResource> service,
        QuizDatabase database,
        IResourceBuilder<IResourceWithConnectionString> cache,
        IResourceBuilder<ProjectResource> migrator) =>
        service
            .WithReference(database.Services)
            .WithReference(cache)
            .WaitFor(database.Owner)
            .WaitFor(cache)
            .WaitForCompletion(migrator)
            .WithHttpHealthCheck(Extensions.ReadyPath);
}
