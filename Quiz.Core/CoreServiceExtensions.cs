using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Economy.Support;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Game.Stats;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Core.Tournaments;

namespace Quiz.Core;

public static class CoreServiceExtensions
{
    /// <summary>Data access plus the use-case services of every Core module.</summary>
    public static TBuilder AddQuizCore<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddQuizData();
        builder.Services.AddSingleton<PlayAllowance>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(GameOptions.Section).Get<GameOptions>() ?? new GameOptions());
        builder.Services.AddScoped<DuelService>();
        builder.Services.AddScoped<TournamentService>();
        builder.Services.AddScoped<TournamentLifecycle>();
        builder.Services.AddSingleton<TournamentAdministration>();
        builder.Services.AddScoped<Shop>();
        builder.Services.AddScoped<PurchaseConfirmation>();
        builder.Services.AddScoped<Refunds>();
        builder.Services.AddScoped<Subscriptions>();
        builder.Services.AddScoped<SupportDesk>();
        builder.Services.AddScoped<ReconciliationService>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(ReconciliationOptions.Section).Get<ReconciliationOptions>() ?? new ReconciliationOptions());
        builder.Services.AddScoped<Jokers>();
        builder.Services.AddEconomyAdministration();
        builder.Services.AddSingleton<QuestionBankCache>();
        builder.Services.AddSingleton<SessionTimeouts>();
        builder.Services.AddScoped<GameService>();
        builder.Services.AddScoped<AnswerService>();
        builder.Services.AddScoped<Housekeeping>();
        builder.Services.AddScoped<QuestionContentImporter>();
        builder.Services.AddScoped<QuestionReports>();
        builder.Services.AddQuestionAdministration();
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddSingleton<OverviewStatistics>();
        builder.Services.AddGameStats();
        builder.Services.AddSingleton<PlayerDirectory>();
        builder.Services.AddSingleton<UpdateClaims>();
        builder.Services.AddSingleton<OutboxStore>();
        return builder;
    }
}
