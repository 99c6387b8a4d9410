using Quiz.AppHost;
using Quiz.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and Redis: a configured connection string wins (machines without Docker, managed
// servers); otherwise containers, PostgreSQL with a persistent volume.
var database = builder.AddQuizDatabase();
var cache = builder.AddQuizCache();
var setSecret = builder.AddQuestionSetSecret();

var migrator = builder.AddProject<Projects.Quiz_Migrator>(QuizResources.Migrator)
    .WithReference(database)
    .WaitFor(database);

var bot = builder.AddProject<Projects.Quiz_Bot>(QuizResources.Bot)
    .WithQuizStores(database, cache, migrator)
    .WithTelegram(builder)
    .WithGameSettings(builder)
    .WithQuestionSetSecret(setSecret);

builder.AddProject<Projects.Quiz_Worker>(QuizResources.Worker)
    .WithQuizStores(database, cache, migrator)
    .WithGameSettings(builder)
    .WithQuestionSetSecret(setSecret);

builder.AddProject<Projects.Quiz_Admin>(QuizResources.Admin)
    .WithQuizStores(database, cache, migrator)
    .WithAdminSecurity(builder)
    .WithQuestionSetSecret(setSecret)
    .WithExternalHttpEndpoints();

builder.Build().Run();
