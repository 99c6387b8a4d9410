using Quiz.Core;
using Quiz.Core.Data;
using Quiz.ServiceDefaults;

// One-shot: apply migrations, upsert question content, grant the services' role, exit 0. The other services wait for it.
// It connects as the schema's owner (ConnectionStrings:quizdbowner) and grants the role the services connect as
// (ConnectionStrings:quizdb) row access only. Without an owner's connection it migrates as the services' role and warns.
// `--content-report [directory]` prints the bank's figures and the content linter's findings, touching no database.
if (args is ["--content-report", ..])
{
    var directory = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "content", "questions");
    Console.Write(Quiz.Core.Questions.Lint.ContentReport.Render(Quiz.Core.Questions.QuestionContentImporter.ReadDirectory(directory)));
    return 0;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
var asOwner = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(QuizResources.DatabaseOwner));
builder.AddQuizCore(asOwner ? QuizResources.DatabaseOwner : QuizResources.Database);

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quiz.Migrator");
var contentDirectory = builder.Configuration["Content:QuestionsPath"]
    ?? Path.Combine(AppContext.BaseDirectory, "content", "questions");
try
{
    var services = builder.Configuration.GetConnectionString(QuizResources.Database);
    var serviceRole = asOwner && !string.IsNullOrWhiteSpace(services) ? ServiceRole.FromConnectionString(services) : null;
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(contentDirectory, serviceRole);
    logger.LogInformation("Database is up to date");
    return 0;
}
catch (Exception ex)
{
    logger.LogCritical(ex, "Migration failed");
    return 1;
}
