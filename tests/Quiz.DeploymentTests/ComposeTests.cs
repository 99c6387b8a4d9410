using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Quiz.ServiceDefaults;
using Quiz.ServiceDefaults.Redaction;
using YamlDotNet.RepresentationModel;

namespace Quiz.DeploymentTests;

/// <summary>deploy/compose.yaml checked against what the services themselves demand (issue #13, item 1).</summary>
public sealed class ComposeTests
{
    private static readonly string[] AppServices = [QuizResources.Migrator, QuizResources.Bot, QuizResources.Worker, QuizResources.Admin];
    private readonly ComposeFile compose = ComposeFile.Load();

    [Theory]
    [InlineData("bot")]
    [InlineData("worker")]
    [InlineData("admin")]
    public void What_compose_gives_a_service_passes_the_services_own_start_validation(string service) =>
        ServiceHosts.Validate(service, SettingsOf(service, ServiceHosts.InitSecrets()));

    [Theory]
    [InlineData("bot", "Game__SetSecret")]
    [InlineData("bot", "Telegram__WebhookSecret")]
    [InlineData("worker", "Game__SetSecret")]
    [InlineData("admin", "Admin__Api__Token")]
    [InlineData("admin", "Admin__DataProtection__Key")]
    [InlineData("admin", "Admin__Auth__Authority")]
    public void A_setting_left_out_of_compose_is_refused_by_that_validation(string service, string key)
    {
        var settings = SettingsOf(service, ServiceHosts.InitSecrets());
        Assert.True(settings.Remove(key), $"{key} is not given to {service}");
        Assert.Throws<OptionsValidationException>(() => ServiceHosts.Validate(service, settings));
    }

    [Fact]
    public void The_migrator_gets_the_owners_and_the_services_connection()
    {
        var targets = compose.Secrets(QuizResources.Migrator).Select(s => s.Target).ToList();
        Assert.Contains("ConnectionStrings__quizdbowner", targets);
        Assert.Contains("ConnectionStrings__quizdb", targets);
        Assert.Equal("no", ((YamlScalarNode)compose.Service(QuizResources.Migrator)["restart"]).Value);
    }

    [Fact]
    public void No_secret_is_inline_every_one_is_a_file_outside_the_repository()
    {
        var secretKeys = TelemetrySecrets.Keys.Select(k => k.Replace(":", "__", StringComparison.Ordinal)).Append("ConnectionStrings__").ToArray();
        foreach (var service in compose.ServiceNames)
        {
            foreach (var (key, value) in compose.RawEnvironment(service))
            {
                Assert.False(secretKeys.Any(s => key.StartsWith(s, StringComparison.OrdinalIgnoreCase)), $"{service}: {key} is a secret and must come from a file");
                Assert.False(key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) && !key.EndsWith("_FILE", StringComparison.Ordinal), $"{service}: {key} inline");
                Assert.DoesNotMatch("[A-Za-z0-9_-]{32,}", value);
            }
        }
        foreach (var key in ComposeFile.EnvFile(Path.Combine(ComposeFile.DeployDirectory, ".env.example")).Keys)
        {
            Assert.DoesNotMatch("(?i)token|secret|password|key", key);
        }
        foreach (var (name, node) in compose.Section("secrets")!.Children)
        {
            var file = ((YamlScalarNode)((YamlMappingNode)node)["file"]).Value!;
            Assert.StartsWith("./secrets/", file);
        }
        var ignored = File.ReadAllLines(Path.Combine(ComposeFile.DeployDirectory, "..", ".gitignore"));
        Assert.Contains("deploy/secrets/", ignored);
        Assert.Contains("deploy/.env", ignored);
    }

    [Fact]
    public void Every_long_running_service_is_health_checked_and_the_apps_start_after_the_migrator()
    {
        foreach (var service in compose.ServiceNames.Where(s => s != QuizResources.Migrator))
        {
            var check = ComposeFile.Child(compose.Service(service), "healthcheck") as YamlMappingNode;
            Assert.True(check is not null && ComposeFile.Child(check, "test") is not null, $"{service} has no health check");
            Assert.NotEqual("no", (ComposeFile.Child(compose.Service(service), "restart") as YamlScalarNode)?.Value);
        }
        foreach (var service in new[] { QuizResources.Bot, QuizResources.Worker, QuizResources.Admin })
        {
            var dependsOn = (YamlMappingNode)compose.Service(service)["depends_on"];
            Assert.Equal("service_completed_successfully", ((YamlScalarNode)((YamlMappingNode)dependsOn[QuizResources.Migrator])["condition"]).Value);
            Assert.Contains("/ready", string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)compose.Service(service)["healthcheck"])["test"]).Children));
        }
    }

    [Fact]
    public void Only_caddy_is_reachable_from_outside_and_the_console_trusts_only_its_address()
    {
        foreach (var service in compose.ServiceNames)
        {
            var published = ComposeFile.Child(compose.Service(service), "ports") is not null;
            Assert.Equal(service == "caddy", published);
        }
        var caddyNetworks = (YamlMappingNode)compose.Service("caddy")["networks"];
        var caddyAddress = ((YamlScalarNode)((YamlMappingNode)caddyNetworks["backend"])["ipv4_address"]).Value;
        Assert.Equal(caddyAddress, compose.Environment(QuizResources.Admin)["Admin__Proxy__KnownProxies__0"]);
        Assert.Equal("127.0.0.0/8", compose.Environment(QuizResources.Admin)["Admin__Api__AllowedNetworks__0"]);
    }

    [Theory]
    [InlineData("bot")]
    [InlineData("worker")]
    public void Bot_and_worker_can_run_as_several_replicas_and_caddy_finds_every_bot_by_its_service_name(string service)
    {
        // `docker compose up --scale bot=3`: no fixed container name, host port or address may be shared by replicas.
        var node = compose.Service(service);
        Assert.Null(ComposeFile.Child(node, "container_name"));
        Assert.Null(ComposeFile.Child(node, "ports"));
        Assert.IsType<YamlSequenceNode>(node["networks"]);
        Assert.Equal(QuizResources.Bot, compose.Environment("caddy")["QUIZ_BOT_HOST"]);
    }

    [Fact]
    public void The_apps_run_from_the_repositorys_image_as_non_root_on_a_read_only_root()
    {
        var dockerfile = File.ReadAllText(Path.Combine(ComposeFile.DeployDirectory, "Dockerfile"));
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        foreach (var service in AppServices)
        {
            var node = compose.Service(service);
            Assert.Equal("true", ((YamlScalarNode)node["read_only"]).Value);
            var build = (YamlMappingNode)node["build"];
            Assert.Equal("deploy/Dockerfile", ((YamlScalarNode)build["dockerfile"]).Value);
            var project = ((YamlScalarNode)((YamlMappingNode)build["args"])["PROJECT"]).Value!;
            Assert.True(File.Exists(Path.Combine(ComposeFile.DeployDirectory, "..", project, project + ".csproj")), project);
        }
    }

    [Theory]
    [InlineData("bot")]
    [InlineData("worker")]
    [InlineData("admin")]
    public void Production_keeps_a_tenth_of_the_traces_that_start_in_a_service(string service)
    {
        var ratio = compose.Environment(service)[TraceSampling.Setting.Replace(":", "__", StringComparison.Ordinal)];
        Assert.Equal("0.1", ratio);
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new(TraceSampling.Setting, ratio)]).Build();
        Assert.Contains("TraceIdRatioBased", TraceSampling.From(settings).Description, StringComparison.Ordinal);
    }

    /// <summary>Environment after interpolation plus every mounted secret file's content under its target name.</summary>
    private Dictionary<string, string> SettingsOf(string service, string secretsDirectory)
    {
        var settings = compose.Environment(service);
        settings.Remove(Extensions.SecretsDirectoryVariable);
        foreach (var (source, target) in compose.Secrets(service))
        {
            settings[target] = File.ReadAllText(Path.Combine(secretsDirectory, source));
        }
        return settings;
    }
}
