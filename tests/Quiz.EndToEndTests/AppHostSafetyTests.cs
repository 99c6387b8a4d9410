using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>The app model never starts the sandbox where it could be reached by others (docs/security.md).</summary>
public sealed class AppHostSafetyTests
{
    private static readonly string[] Stores =
    [
        $"ConnectionStrings:{QuizResources.Database}={TestEnvironment.ForDatabase("quiz_never_used")}",
        $"ConnectionStrings:{QuizResources.Cache}={TestEnvironment.Redis}",
    ];

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Without_a_bot_token_outside_development_the_app_host_refuses_to_start(string environment)
    {
        var error = await Record.ExceptionAsync(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            Stores, (options, host) => { options.DisableDashboard = true; host.EnvironmentName = environment; }));

        var refusal = Unwrap(error);
        Assert.Contains("No bot token", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("runs only in Development", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_sandbox_has_no_external_endpoint()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            Stores, (options, _) => options.DisableDashboard = true);

        var sandbox = builder.Resources.Single(r => r.Name == QuizResources.TelegramSandbox);

        Assert.All(sandbox.Annotations.OfType<EndpointAnnotation>(), e => Assert.False(e.IsExternal, e.Name));
    }

    private static Exception Unwrap(Exception? error)
    {
        Assert.NotNull(error);
        while (error is not InvalidOperationException && error.InnerException is not null) error = error.InnerException;
        return error;
    }
}
