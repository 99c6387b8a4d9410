using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quiz.Core;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Game;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.UnitTests.Architecture;

/// <summary>How Core is wired (<c>AddQuizCore</c>): built without a database, the way every service builds it.</summary>
public sealed class CoreWiringTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

    [Fact]
    public async Task Every_registration_resolves_with_required_dependencies_only()
    {
        // ValidateOnBuild: a constructor dependency nobody registers fails here, not on the first update.
        await using var core = CoreServices.Create(Unreachable);
        await using var scope = core.Scope();

        Assert.NotNull(scope.Get<GameService>());
        Assert.NotNull(scope.Get<AnswerService>());
        Assert.NotNull(scope.Get<ReconciliationService>());
        Assert.NotNull(core.Get<SessionTimeouts>());
        Assert.NotNull(core.Get<CoreMetrics>());
    }

    [Fact]
    public void The_clock_is_registered_once_and_a_host_clock_registered_first_wins()
    {
        var builder = Builder(new Dictionary<string, string?>());
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(fake);
        builder.AddQuizCore(QuizResources.Database);

        Assert.Single(builder.Services, d => d.ServiceType == typeof(TimeProvider));
        using var host = builder.Build();
        Assert.Same(fake, host.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("Game:AnswerLimitSeconds", "0")]
    [InlineData("Game:IdleLimitMinutes", "-5")]
    [InlineData("Economy:Reconciliation:SettleSeconds", "-1")]
    [InlineData("Economy:Reconciliation:PagesPerStep", "0")]
    [InlineData("Economy:Reconciliation:MaxStepAttempts", "0")]
    [InlineData("Economy:Reconciliation:MaxRunMinutes", "1")]
    public async Task A_host_with_an_invalid_setting_refuses_to_start(string key, string value)
    {
        var builder = Builder(new Dictionary<string, string?> { [key] = value });
        builder.AddQuizCore(QuizResources.Database);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_reach_the_use_cases_through_validated_options()
    {
        await using var core = CoreServices.Create(Unreachable, settings: new Dictionary<string, string?> { ["Game:AnswerLimitSeconds"] = "8" });

        Assert.Equal(TimeSpan.FromSeconds(8), core.Get<IOptions<GameOptions>>().Value.AnswerLimit);
    }

    [Fact]
    public void A_missing_connection_string_stops_the_service_with_its_name()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddQuizCore("nowhere"));

        Assert.Contains("ConnectionStrings__nowhere", error.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{QuizResources.Database}"] = Unreachable });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
