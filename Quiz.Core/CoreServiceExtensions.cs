using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quiz.Core.Announcements;
using Quiz.Core.AntiCheat;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Features;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.Core.Questions;
using Quiz.Core.Tournaments;

namespace Quiz.Core;

public static class CoreServiceExtensions
{
    /// <summary>
    /// Data access plus every Core module, one <c>Add…</c> per module. The clock is registered here and
    /// nowhere else (a host or a test that registered its own <see cref="TimeProvider"/> first keeps it).
    /// </summary>
    public static TBuilder AddQuizCore<TBuilder>(this TBuilder builder, string connectionName) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CoreMetrics>();
        builder.AddQuizData(connectionName);
        builder.Services.AddPlayers().AddQuestions().AddMessaging().AddEconomy().AddGame().AddTournaments().AddAntiCheat().AddPrivacy().AddOperations().AddFeatures().AddAnnouncements();
        return builder;
    }
}
