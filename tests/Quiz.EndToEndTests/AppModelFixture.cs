using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// Boots the whole Aspire app model once per test class against the machine's PostgreSQL (a fresh
/// database) and Redis, the way the README's run command does without Docker: the migrator as the schema's owner,
/// the services as the services' role. <see cref="ScaledAppModelFixture"/> boots it with several bot and worker replicas.
/// </summary>
public class AppModelFixture : IAsyncLifetime
{
    public static readonly string[] Services = [QuizResources.TelegramSandbox, QuizResources.Bot, QuizResources.Worker, QuizResources.Admin];
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(3);

    public const string WebhookSecret = "e2e-webhook-secret-0123456789abcdef";

    /// <summary>A shorter answer limit than the product's 20 s keeps the timeout tests quick; answers by the tests take well under a second.</summary>
    public const int AnswerLimitSeconds = 8;
    public const int RevealGraceSeconds = 4;

    /// <summary>getStarTransactions pages per reconciliation step here (the product's default is 50): many steps for the scale test.</summary>
    public const int ReconcilePagesPerStep = 20;

    /// <summary>The console's local login key in this app model.</summary>
    public const string AdminLocalKey = "e2e-local-key-0123456789";
    public const string AdminApiToken = "e2e-admin-api-token-0123456789abcdefghijklmnop";

    public AppModelFixture()
        : this(botReplicas: 1, workerReplicas: 1)
    {
    }

    protected AppModelFixture(int botReplicas, int workerReplicas)
    {
        BotReplicas = botReplicas;
        WorkerReplicas = workerReplicas;
    }

    /// <summary>Processes of the bot (behind one proxied webhook endpoint) and of the worker (one Quartz cluster).</summary>
    public int BotReplicas { get; }
    public int WorkerReplicas { get; }

    public string DatabaseName { get; } = $"quiz_e2e_{Guid.NewGuid():N}";
    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Where the services export their telemetry in this app model (instead of a dashboard).</summary>
    public OtlpReceiver Telemetry { get; } = new();

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{DatabaseName}\"");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            [
                $"ConnectionStrings:{QuizResources.Database}={TestEnvironment.ForDatabase(DatabaseName)}",
                $"ConnectionStrings:{QuizResources.DatabaseOwner}={TestEnvironment.OwnerForDatabase(DatabaseName)}",
                $"ConnectionStrings:{QuizResources.Cache}={TestEnvironment.Redis}",
                $"Parameters:{QuizResources.AdminApiTokenParameter}={AdminApiToken}",
                $"Parameters:{QuizResources.AdminLocalKeyParameter}={AdminLocalKey}",
                $"Parameters:{QuizResources.TelegramWebhookSecretParameter}={WebhookSecret}",
                $"Game:AnswerLimitSeconds={AnswerLimitSeconds}",
                $"Game:RevealGraceSeconds={RevealGraceSeconds}",
                // Reconciliation compares everything at once here (the product waits 10 minutes for payments in flight).
                "Economy:Reconciliation:SettleSeconds=0",
                $"Economy:Reconciliation:PagesPerStep={ReconcilePagesPerStep}",
                $"Scale:BotReplicas={BotReplicas}",
                $"Scale:WorkerReplicas={WorkerReplicas}",
            ],
            (options, _) => options.DisableDashboard = true);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        }

        App = await builder.BuildAsync();
        using var boot = new CancellationTokenSource(BootTimeout);
        await App.StartAsync(boot.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, boot.Token);
        }
        await AllReplicasHealthyAsync(QuizResources.Bot, BotReplicas, boot.Token);
        await AllReplicasHealthyAsync(QuizResources.Worker, WorkerReplicas, boot.Token);
    }

    /// <summary>A service with replicas is "healthy" as soon as one of them is: wait until every replica's snapshot says so.</summary>
    private async Task AllReplicasHealthyAsync(string service, int count, CancellationToken ct)
    {
        var healthy = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in App.ResourceNotifications.WatchAsync(ct))
        {
            if (e.Resource.Name != service) continue;
            if (e.Snapshot.HealthStatus == HealthStatus.Healthy) healthy.Add(e.ResourceId);
            else healthy.Remove(e.ResourceId);
            if (healthy.Count >= count) return;
        }
    }

    public SandboxClient Sandbox() => new(App.CreateHttpClient(QuizResources.TelegramSandbox));

    public QuizDbContext Database()
    {
        var options = new DbContextOptionsBuilder<QuizDbContext>();
        options.UseQuizDatabase(TestEnvironment.ForDatabase(DatabaseName));
        return new QuizDbContext(options.Options);
    }

    public async Task<int?> MigratorExitCodeAsync(CancellationToken ct)
    {
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            QuizResources.Migrator, e => e.Snapshot.State?.Text == KnownResourceStates.Finished, ct);
        return finished.Snapshot.ExitCode;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        await Telemetry.DisposeAsync();
        await TestEnvironment.DropDatabaseAsync(DatabaseName);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
