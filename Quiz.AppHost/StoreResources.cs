using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quiz.ServiceDefaults;

namespace Quiz.AppHost;

internal static class StoreResources
{
    /// <summary>The database <c>quizdb</c>: from <c>ConnectionStrings:quizdb</c> if set, else a container.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddQuizDatabase(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(QuizResources.Database);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return builder.AddPostgres("postgres")
                .WithDataVolume("quiz-postgres-data")
                .AddDatabase(QuizResources.Database);
        }

        // A plain connection string has no health of its own; probe it so the dashboard is truthful.
        var check = $"{QuizResources.Database}-reachable";
        builder.Services.AddHealthChecks().AddNpgSql(configured, name: check);
        return builder.AddConnectionString(QuizResources.Database).WithHealthCheck(check);
    }

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

    /// <summary>Both stores, started only after the migrator finished, healthy only when <c>/ready</c> is.</summary>
    public static IResourceBuilder<ProjectResource> WithQuizStores(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<IResourceWithConnectionString> database,
        IResourceBuilder<IResourceWithConnectionString> cache,
        IResourceBuilder<ProjectResource> migrator) =>
        service
            .WithReference(database)
            .WithReference(cache)
            .WaitFor(database)
            .WaitFor(cache)
            .WaitForCompletion(migrator)
            .WithHttpHealthCheck(Extensions.ReadyPath);
}
