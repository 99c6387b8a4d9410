using Quiz.Core;
using Quiz.Core.Data;
using Quiz.ServiceDefaults;

// One-shot: apply migrations, upsert question content, exit 0. The other services wait for it.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddQuizCore(QuizResources.Database);

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quiz.Migrator");
var contentDirectory = builder.Configuration["Content:QuestionsPath"]
    ?? Path.Combine(AppContext.BaseDirectory, "content", "questions");
try
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(contentDirectory);
    logger.LogInformation("Database is up to date");
    return 0;
}
catch (Exception ex)
{
    logger.LogCritical(ex, "Migration failed");
    return 1;
}
