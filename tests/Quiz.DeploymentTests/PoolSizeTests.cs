using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Quiz.DeploymentTests;

/// <summary>
/// Every service process keeps its own Npgsql pool, and PostgreSQL refuses connections past <c>max_connections</c> (53300):
/// at the scale the deploy README names, the pools must fit with room for the migrator, backups and an operator.
/// </summary>
public sealed class PoolSizeTests
{
    /// <summary><c>--scale bot=3 --scale worker=2</c> (deploy/README.md) and one console.</summary>
    private const int ServiceProcesses = 3 + 2 + 1;

    /// <summary>The migrator, pgBackRest, the exporter's and an operator's sessions, and PostgreSQL's superuser reserve.</summary>
    private const int Reserve = 20;

    [Fact]
    public void The_services_pools_at_the_documented_scale_fit_the_databases_connections()
    {
        var secrets = ServiceHosts.InitSecrets();
        var pool = new NpgsqlConnectionStringBuilder(File.ReadAllText(Path.Combine(secrets, "quizdb"))).MaxPoolSize;
        var command = ((YamlSequenceNode)ComposeFile.Load().Service("postgres")["command"]).Children
            .Select(c => ((YamlScalarNode)c).Value!).ToList();
        var maxConnections = int.Parse(command.Single(c => c.StartsWith("max_connections=", StringComparison.Ordinal)).Split('=')[1]);

        Assert.True(pool < 100, $"the services' pool is Npgsql's default ({pool}): set Maximum Pool Size in init-secrets.sh");
        Assert.True(ServiceProcesses * pool + Reserve <= maxConnections,
            $"{ServiceProcesses} processes × {pool} + {Reserve} > max_connections {maxConnections}");
        Assert.Contains("--scale bot=3 --scale worker=2", File.ReadAllText(Path.Combine(ComposeFile.DeployDirectory, "README.md")));
    }
}
