using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Data;

public sealed class MigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Migrations_cover_the_whole_model()
    {
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
    }

    /// <summary>The readiness check as Core registers it (<see cref="MigrationsAppliedHealthCheck"/>), run on <paramref name="connectionString"/>.</summary>
    private static async Task<HealthReportEntry> MigrationsCheckAsync(string connectionString)
    {
        await using var core = CoreServices.Create(connectionString);
        var report = await core.Get<HealthCheckService>().CheckHealthAsync(c => c.Name == DataServiceExtensions.MigrationsCheckName);
        return report.Entries[DataServiceExtensions.MigrationsCheckName];
    }

    [Fact]
    public async Task Ready_check_is_healthy_on_a_migrated_database()
    {
        var result = await MigrationsCheckAsync(database.ConnectionString);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Ready_check_is_unhealthy_while_migrations_are_pending()
    {
        var name = $"quiz_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }
        try
        {
            var result = await MigrationsCheckAsync(TestEnvironment.ForDatabase(name));

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("pending", result.Description);
        }
        finally
        {
            await TestEnvironment.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Ready_check_is_unhealthy_when_postgres_is_unreachable()
    {
        var result = await MigrationsCheckAsync("Host=127.0.0.1;Port=1;Database=quiz;Username=quiz;Password=quiz;Timeout=2");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
