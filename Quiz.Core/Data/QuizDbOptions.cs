using Microsoft.EntityFrameworkCore;

namespace Quiz.Core.Data;

public static class QuizDbOptions
{
    /// <summary>The one place the provider is configured, shared by services, migrator, tools and tests.</summary>
    public static DbContextOptionsBuilder UseQuizDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
