using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// Only the migrator gets the schema owner's connection; the bot, the worker and the console get the services' role
/// (docs/decisions/0008-service-role.md), with configured connection strings and with a database container alike.
/// </summary>
public sealed class AppHostDatabaseRoleTests
{
    private static readonly string[] Services = [QuizResources.Bot, QuizResources.Worker, QuizResources.Admin];

    [Fact]
    public async Task With_configured_connections_only_the_migrator_connects_as_the_owner()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            [
                $"ConnectionStrings:{QuizResources.Database}={TestEnvironment.ForDatabase("quiz_never_used")}",
                $"ConnectionStrings:{QuizResources.DatabaseOwner}={TestEnvironment.OwnerForDatabase("quiz_never_used")}",
                $"ConnectionStrings:{QuizResources.Cache}={TestEnvironment.Redis}",
            ],
            (options, _) => options.DisableDashboard = true);

        AssertOnlyTheMigratorGetsTheOwner(builder);
    }

    [Fact]
    public async Task With_a_database_container_the_services_connect_as_quiz_app_and_the_migrator_as_the_superuser()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            [
                // Blank, so that connection strings exported by scripts/services.sh do not stand in for the containers.
                $"ConnectionStrings:{QuizResources.Database}=",
                $"ConnectionStrings:{QuizResources.DatabaseOwner}=",
                $"ConnectionStrings:{QuizResources.Cache}=",
                $"Parameters:{QuizResources.DatabaseServicePasswordParameter}=e2e-password-0123456789abcdefghij",
            ],
            (options, _) => options.DisableDashboard = true);

        var database = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == QuizResources.Database);
        Assert.IsNotType<PostgresDatabaseResource>(database);
        Assert.Contains("Username=quiz_app;", database.ConnectionStringExpression.Format, StringComparison.Ordinal);
        Assert.IsType<PostgresDatabaseResource>(builder.Resources.Single(r => r.Name == QuizResources.DatabaseOwner));
        AssertOnlyTheMigratorGetsTheOwner(builder);
    }

    private static void AssertOnlyTheMigratorGetsTheOwner(IDistributedApplicationTestingBuilder builder)
    {
        Assert.Contains(QuizResources.DatabaseOwner, References(builder, QuizResources.Migrator));
        Assert.Contains(QuizResources.Database, References(builder, QuizResources.Migrator));
        foreach (var name in Services)
        {
            Assert.Contains(QuizResources.Database, References(builder, name));
            Assert.DoesNotContain(QuizResources.DatabaseOwner, References(builder, name));
        }
    }

    private static List<string> References(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.Single(r => r.Name == name).Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(a => a.Type == "Reference")
            .Select(a => a.Resource.Name)
            .ToList();
}
