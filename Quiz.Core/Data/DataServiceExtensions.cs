using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quiz.Core.Messaging;

namespace Quiz.Core.Data;

public static class DataServiceExtensions
{
    /// <summary>The check that only this project can make: the schema is at this build's version.</summary>
    public const string MigrationsCheckName = "quizdb-migrations";

    /// <summary>
    /// <see cref="QuizDbContext"/> as a pooled factory (hot paths and Blazor components create a short-lived
    /// context per operation) and as a scoped service made from it. Health check, Npgsql tracing and metrics
    /// come from Aspire's Npgsql EF integration; its retrying execution strategy stays off because the
    /// use-cases own their transactions (docs/decisions/0007-aspire-database-client.md).
    /// </summary>
    public static TBuilder AddQuizData<TBuilder>(this TBuilder builder, string connectionName) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Connection string '{connectionName}' is missing. Set ConnectionStrings__{connectionName}.");
        }

        // Interceptors registered as IInterceptor join every context: the update-claim mark (issue #11, item 2), the business metrics
        // counted at commit (CommittedFacts), and tests' traps.
        builder.Services.AddSingleton<IInterceptor, UpdateCommitInterceptor>();
        builder.Services.AddSingleton<IInterceptor, CommittedFacts>();
        builder.Services.AddPooledDbContextFactory<QuizDbContext>((sp, o) => o.UseQuizDatabase(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContext());
        builder.EnrichNpgsqlDbContext<QuizDbContext>(settings => settings.DisableRetry = true);
        builder.Services.AddHealthChecks().AddCheck<MigrationsAppliedHealthCheck>(MigrationsCheckName);
        builder.Services.AddScoped<DatabaseMigrator>();
        return builder;
    }
}
