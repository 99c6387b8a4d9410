using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>The app model's replica settings <c>Scale:BotReplicas</c> / <c>Scale:WorkerReplicas</c> (docs/scaling.md).</summary>
public sealed class AppHostScaleTests
{
    private static readonly string[] Stores =
    [
        $"ConnectionStrings:{QuizResources.Database}={TestEnvironment.ForDatabase("quiz_never_used")}",
        $"ConnectionStrings:{QuizResources.Cache}={TestEnvironment.Redis}",
    ];

    [Fact]
    public async Task Bot_and_worker_run_as_many_processes_as_configured_and_one_by_default()
    {
        await using var scaled = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            [.. Stores, "Scale:BotReplicas=3", "Scale:WorkerReplicas=2"], (options, _) => options.DisableDashboard = true);
        await using var plain = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            Stores, (options, _) => options.DisableDashboard = true);

        Assert.Equal((3, 2, 1), (Replicas(scaled, QuizResources.Bot), Replicas(scaled, QuizResources.Worker), Replicas(scaled, QuizResources.Admin)));
        Assert.Equal((1, 1), (Replicas(plain, QuizResources.Bot), Replicas(plain, QuizResources.Worker)));
    }

    [Theory]
    [InlineData("Scale:BotReplicas=0")]
    [InlineData("Scale:WorkerReplicas=-1")]
    [InlineData("Scale:BotReplicas=zwei")]
    [InlineData("Scale:WorkerReplicas=17")]
    public async Task A_replica_count_outside_1_to_16_stops_the_app_model(string setting)
    {
        var error = await Record.ExceptionAsync(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            [.. Stores, setting], (options, _) => options.DisableDashboard = true));

        var refusal = Unwrap(error);
        Assert.Contains("must be a whole number from 1 to 16", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(setting[..setting.IndexOf('=', StringComparison.Ordinal)], refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_polling_refuses_more_than_one_bot_process()
    {
        var error = await Record.ExceptionAsync(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Quiz_AppHost>(
            [.. Stores, $"Parameters:{QuizResources.BotTokenParameter}=42:not-a-real-token", "Scale:BotReplicas=2"],
            (options, _) => options.DisableDashboard = true));

        Assert.Contains("Long polling (no Telegram:WebhookUrl) runs in one bot process", Unwrap(error).Message, StringComparison.Ordinal);
    }

    private static Exception Unwrap(Exception? error)
    {
        Assert.NotNull(error);
        while (error is not InvalidOperationException && error.InnerException is not null) error = error.InnerException;
        return error;
    }

    private static int Replicas(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.Single(r => r.Name == name).Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
}
