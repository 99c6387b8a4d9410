using System.Net;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

[Collection(AppModelCollection.Name)]
public sealed class AppModelTests(AppModelFixture fixture)
{
    [Fact]
    public async Task Migrator_runs_to_completion_before_the_services()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await fixture.MigratorExitCodeAsync(timeout.Token));

        // As the services' role: the migrator (as the owner) granted it rows, and nothing more.
        await using var connection = new NpgsqlConnection(TestEnvironment.ForDatabase(fixture.DatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", connection);
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
        await using var truncate = new NpgsqlCommand("TRUNCATE ledger_entries", connection);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => truncate.ExecuteNonQueryAsync())).SqlState);
    }

    [Fact]
    public async Task Every_resource_of_the_app_model_is_healthy()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var model = fixture.App.Services.GetRequiredService<DistributedApplicationModel>();
        // Plain parameters have no health (a configured connection string is a parameter with a
        // health check of its own and counts); the migrator is a one-shot (checked above); resources that
        // start only on request (Aspire's project rebuilders) never run in a plain boot.
        var resources = model.Resources
            .Where(r => r is not ParameterResource || r.Annotations.OfType<HealthCheckAnnotation>().Any())
            .Where(r => r.Name != QuizResources.Migrator)
            .Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(r => r.Name)
            .ToList();

        Assert.Equal(
            [QuizResources.Admin, QuizResources.Bot, QuizResources.Cache, QuizResources.Database, QuizResources.DatabaseOwner, QuizResources.TelegramSandbox, QuizResources.Worker],
            resources.Order());
        foreach (var resource in resources)
        {
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    [Theory]
    [InlineData(QuizResources.Bot)]
    [InlineData(QuizResources.Worker)]
    [InlineData(QuizResources.Admin)]
    public async Task Every_service_is_live_and_ready(string service)
    {
        using var http = fixture.App.CreateHttpClient(service);

        var health = await http.GetAsync(Extensions.HealthPath);
        var ready = await http.GetAsync(Extensions.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"QuizDbContext\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"quizdb-migrations\":{\"status\":\"Healthy\"", body);
        Assert.Contains("Redis", body);
    }

    [Fact]
    public async Task Bot_registers_commands_and_its_webhook_as_the_specification_describes()
    {
        var sandbox = fixture.Sandbox();

        var calls = await sandbox.CallsAsync();

        Assert.Contains(calls, c => c.Method == "setMyCommands" && c.Ok);
        var webhook = Assert.Single(calls, c => c.Method == "setWebhook" && c.Ok);
        Assert.Equal(AppModelFixture.WebhookSecret, webhook.Parameters.GetProperty("secret_token").GetString());
        Assert.Contains("callback_query", webhook.Parameters.GetProperty("allowed_updates").ToString());
        Assert.False(webhook.Parameters.TryGetProperty("drop_pending_updates", out var drop) && drop.ValueKind == System.Text.Json.JsonValueKind.True);
        PlayerConversationTests.AssertCallsMatchTheSpecification(calls);
    }

    [Theory]
    [InlineData(QuizResources.Bot)]
    [InlineData(QuizResources.Worker)]
    [InlineData(QuizResources.Admin)]
    public async Task Every_service_serves_prometheus_metrics(string service)
    {
        using var http = fixture.App.CreateHttpClient(service);

        var metrics = await http.GetStringAsync(Extensions.MetricsPath);

        Assert.Contains("# TYPE", metrics);
    }
}
