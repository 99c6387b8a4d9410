using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Quiz.Core.Data;

public static class DataServiceExtensions
{
    public const string ConnectionName = "quizdb";
    public const string ReadyCheckName = "quizdb";

    /// <summary>
    /// Registers <see cref="QuizDbContext"/> (scoped and as a factory for Blazor components) and
    /// the readiness check "database reachable and every migration applied".
    /// </summary>
    public static TBuilder AddQuizData<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionName}' is missing. Set ConnectionStrings__{ConnectionName}.");

        // Pooled: the hot paths create a short-lived context per operation.
        builder.Services.AddPooledDbContextFactory<QuizDbContext>(o => o.UseQuizDatabase(connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContext());
        builder.Services.TryAddTimeProvider();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>(ReadyCheckName);
        return builder;
    }

    public static IServiceCollection TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
        return services;
    }
}
