using Quiz.AppHost;
using Quiz.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and Redis: configured connection strings win (machines without Docker, managed
// servers); otherwise containers, PostgreSQL with a persistent volume. The database has two roles:
// the schema's owner (migrator only) and the services' role (rows only).
var database = builder.AddQuizDatabase();
var cache = builder.AddQuizCache();
var setSecret = builder.AddQuestionSetSecret();

var migrator = builder.AddProject<Projects.Quiz_Migrator>(QuizResources.Migrator)
    .WithQuizDatabaseOwner(database);

var bot = builder.AddProject<Projects.Quiz_Bot>(QuizResources.Bot)
    .WithQuizStores(database, cache, migrator)
    .WithTelegram(builder)
    .WithGameSettings(builder)
    .WithQuestionSetSecret(setSecret)
    .WithScale(builder, ScaleSettings.BotReplicas);

var worker = builder.AddProject<Projects.Quiz_Worker>(QuizResources.Worker)
    .WithQuizStores(database, cache, migrator)
    .WithGameSettings(builder)
    .WithQuestionSetSecret(setSecret)
    .WithScale(builder, ScaleSettings.WorkerReplicas);

builder.AddProject<Projects.Quiz_Admin>(QuizResources.Admin)
    .WithQuizStores(database, cache, migrator)
    .WithAdminSecurity(builder)
    .WithQuestionSetSecret(setSecret)
    .WithGameSettings(builder)
    .WithReadinessOf(bot, worker)
    .WithExternalHttpEndpoints();

builder.Build().Run();
