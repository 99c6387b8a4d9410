using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quiz.ServiceDefaults;

namespace Quiz.AppHost;

/// <summary>
/// The Quiz database as two connections: <see cref="Services"/> (<c>quizdb</c>, the role the bot, worker and console use:
/// rows only) and <see cref="Owner"/> (<c>quizdbowner</c>, the schema's owner, only for the migrator). See
/// docs/decisions/0008-service-role.md.
/// </summary>
internal sealed record QuizDatabase(
    IResourceBuilder<IResourceWithConnectionString> Services,
    IResourceBuilder<IResourceWithConnectionString> Owner);

internal static class DatabaseResources
{
    /// <summary>The database's name in the container (the services' connection below spells it too, with the role <c>quiz_app</c>).</summary>
    private const string ContainerDatabase = "quizdb";

    /// <summary>
    /// Configured connection strings win (machines without Docker, managed servers): <c>quizdb</c> for the services and
    /// <c>quizdbowner</c> for the migrator (without it the migrator uses <c>quizdb</c> and warns that the services own the
    /// schema). Otherwise a PostgreSQL container with a persistent volume: the migrator connects as its superuser, and
    /// the services as <c>quiz_app</c>, which the migrator creates with the generated password
    /// <c>quizdb-password</c> and grants row access.
    /// </summary>
    public static QuizDatabase AddQuizDatabase(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(QuizResources.Database);
        if (string.IsNullOrWhiteSpace(configured))
        {
            var postgres = builder.AddPostgres("postgres").WithDataVolume("quiz-postgres-data");
            var owner = postgres.AddDatabase(QuizResources.DatabaseOwner, ContainerDatabase);
            var password = builder.AddParameter(
                QuizResources.DatabaseServicePasswordParameter,
                new GenerateParameterDefault { MinLength = 32, Special = false },
                secret: true,
                persist: true);
            var endpoint = postgres.Resource.PrimaryEndpoint;
            var services = builder.AddConnectionString(QuizResources.Database, ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Database=quizdb;Username=quiz_app;Password={password.Resource}"));
            return new QuizDatabase(services, owner);
        }

        var configuredOwner = builder.Configuration.GetConnectionString(QuizResources.DatabaseOwner);
        var servicesConnection = builder.AddConfiguredConnection(QuizResources.Database, configured);
        return string.IsNullOrWhiteSpace(configuredOwner)
            ? new QuizDatabase(servicesConnection, servicesConnection)
            : new QuizDatabase(servicesConnection, builder.AddConfiguredConnection(QuizResources.DatabaseOwner, configuredOwner));
    }

    /// <summary>The migrator: connected as the owner, told the services' connection so that it grants that role.</summary>
    public static IResourceBuilder<ProjectResource> WithQuizDatabaseOwner(this IResourceBuilder<ProjectResource> migrator, QuizDatabase database)
    {
        migrator.WithReference(database.Owner).WaitFor(database.Owner);
        return database.Owner == database.Services ? migrator : migrator.WithReference(database.Services);
    }

    /// <summary>A plain connection string has no health of its own; probe it so the dashboard is truthful.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddConfiguredConnection(
        this IDistributedApplicationBuilder builder, string name, string connectionString)
    {
        var check = $"{name}-reachable";
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: check);
        return builder.AddConnectionString(name).WithHealthCheck(check);
    }
}
