using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

        builder.Services.AddPooledDbContextFactory<QuizDbContext>(o => o.UseQuizDatabase(connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContext());
        builder.EnrichNpgsqlDbContext<QuizDbContext>(settings => settings.DisableRetry = true);
        builder.Services.AddHealthChecks().AddCheck<MigrationsAppliedHealthCheck>(MigrationsCheckName);
        builder.Services.AddScoped<DatabaseMigrator>();
        return builder;
    }
}
