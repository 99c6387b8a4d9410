using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quiz.Core;
using Quiz.Core.Operations;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

/// <summary>A retention that would purge too early (or a nonsense batch) stops the service at start.</summary>
public sealed class HousekeepingOptionsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData("ProcessedUpdateDays", "1")]
    [InlineData("SentOutboxDays", "0")]
    [InlineData("DeadOutboxDays", "-3")]
    [InlineData("ExpiredInvoiceDays", "0")]
    [InlineData("BatchSize", "0")]
    [InlineData("TimeBudgetSeconds", "0")]
    public async Task A_host_with_an_invalid_housekeeping_setting_refuses_to_start(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{QuizResources.Database}"] = database.ConnectionString,
            [$"{HousekeepingOptions.Section}:{key}"] = value,
        });
        builder.AddQuizCore(QuizResources.Database);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_are_valid_and_keep_update_ids_a_week()
    {
        await using var core = database.Core();

        var options = core.Get<IOptions<HousekeepingOptions>>().Value;

        Assert.Equal((14, 30, 30, 7, 5_000), (options.SentOutboxDays, options.DeadOutboxDays, options.ExpiredInvoiceDays, options.ProcessedUpdateDays, options.BatchSize));
    }
}
