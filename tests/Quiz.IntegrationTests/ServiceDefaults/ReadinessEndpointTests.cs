using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.IntegrationTests.ServiceDefaults;

/// <summary>The service defaults' endpoints against the real PostgreSQL and Redis.</summary>
public sealed class ReadinessEndpointTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private async Task<(WebApplication App, HttpClient Http)> StartAsync(string redis, string? managementNetwork = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:quizdb"] = database.ConnectionString;
        builder.Configuration["ConnectionStrings:cache"] = redis;
        if (managementNetwork is not null) builder.Configuration["Management:AllowedNetworks:0"] = managementNetwork;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddQuizCore(QuizResources.Database);
        builder.AddQuizRedis();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    [Fact]
    public async Task Ready_is_200_when_postgres_migrations_and_redis_are_fine()
    {
        var (app, http) = await StartAsync(TestEnvironment.Redis);
        await using var _ = app;
        using var __ = http;

        var ready = await http.GetAsync(Extensions.ReadyPath);
        var metrics = await http.GetStringAsync(Extensions.MetricsPath);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"QuizDbContext\":{\"status\":\"Healthy\"", report);
        Assert.Contains("\"quizdb-migrations\":{\"status\":\"Healthy\"", report);
        Assert.Contains("# TYPE", metrics);
    }

    [Fact]
    public async Task Ready_is_503_and_names_redis_when_redis_is_unreachable_while_health_stays_200()
    {
        var (app, http) = await StartAsync("127.0.0.1:1,connectTimeout=500,abortConnect=false");
        await using var _ = app;
        using var __ = http;

        var ready = await http.GetAsync(Extensions.ReadyPath);
        var health = await http.GetAsync(Extensions.HealthPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.Content.ReadAsStringAsync();
        Assert.Contains("Redis\":{\"status\":\"Unhealthy\"", report);
        // The failure is named, never explained with the exception's text (it named the server before).
        Assert.DoesNotContain("127.0.0.1:1", report, StringComparison.Ordinal);
        Assert.DoesNotContain("connect", report, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Ready_and_metrics_answer_404_outside_the_management_network_while_health_answers()
    {
        var (app, http) = await StartAsync(TestEnvironment.Redis, managementNetwork: "10.0.0.0/8");
        await using var _ = app;
        using var __ = http;

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Extensions.ReadyPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Extensions.MetricsPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Extensions.HealthPath)).StatusCode);
    }

    [Fact]
    public async Task A_request_that_came_through_a_proxy_never_reads_ready_or_metrics()
    {
        var (app, http) = await StartAsync(TestEnvironment.Redis);
        await using var _ = app;
        using var __ = http;

        foreach (var path in new[] { Extensions.ReadyPath, Extensions.MetricsPath })
        {
            using var proxied = new HttpRequestMessage(HttpMethod.Get, path);
            proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(proxied)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Extensions.ReadyPath)).StatusCode);
    }
}
