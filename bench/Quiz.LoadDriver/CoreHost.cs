using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quiz.Core;
using Quiz.ServiceDefaults;

namespace Quiz.LoadDriver;

/// <summary>
/// Core's services from the registrations the hosts use (<c>AddQuizCore</c>) on the benchmark's database, without a
/// host running: the scenarios that drive use-cases directly measure what the bot and the worker would run.
/// </summary>
internal static class CoreHost
{
    public static ServiceProvider Build(string database)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{QuizResources.Database}"] = database,
            // Required outside Development (it keys the shared sets); a fresh one per run, as nothing outlives the run.
            ["Game:SetSecret"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        builder.AddQuizCore(QuizResources.Database);
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>A scoped use-case in a scope of its own (its own context and transaction), as one update would use it.</summary>
    public static async Task<TResult> InScopeAsync<TService, TResult>(this IServiceProvider core, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = core.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
