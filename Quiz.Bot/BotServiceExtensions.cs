using Quiz.Bot.Handlers;
using Quiz.Bot.Inbound;
using Quiz.Bot.Outbox;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Bot.Sending;
using Quiz.Bot.Telegram;
using Quiz.Bot.Transport;
using Quiz.Core;
using Quiz.Core.Features;
using Quiz.ServiceDefaults;

namespace Quiz.Bot;

public static class BotServiceExtensions
{
    /// <summary>Telegram transport, thin handlers, the outbox dispatcher; Core and the shared Redis.</summary>
    public static WebApplicationBuilder AddBotServices(this WebApplicationBuilder builder)
    {
        builder.AddQuizCore(QuizResources.Database);
        builder.AddQuizRedis();

        var services = builder.Services;
        services.AddTelegramClient();
        services.AddSingleton<LocalTelegramRateLimiter>();
        services.AddSingleton<ITelegramRateLimiter, RedisTelegramRateLimiter>();

        services.AddSingleton<TelegramSender>().AddSingleton<OutboxSignal>();
        services.AddScoped<BotReplies>();
        services.AddSingleton<ChatBacklog>();
        services.AddScoped<MessageHandler>();
        services.AddScoped<CallbackHandler>().AddScoped<ClaimedPlayer>();
        services.AddScoped<GameHandler>();
        services.AddScoped<GameResults>();
        services.AddScoped<GameMessages>();
        services.AddScoped<ShopHandler>();
        services.AddScoped<PaymentHandler>();
        services.AddScoped<ReportHandler>();
        services.AddScoped<MenuHandler>();
        services.AddScoped<ProfileHandler>();
        services.AddScoped<PrivacyHandler>();
        services.AddScoped<SupportHandler>();
        services.AddScoped<SubscriptionHandler>();
        services.AddScoped<TournamentHandler>();
        services.AddScoped<NoticeRenderer>();
        services.AddSingleton<BotLinks>();
        services.AddScoped<MembershipHandler>();
        services.AddScoped<PreCheckoutHandler>();
        services.AddCallbackAreas();
        services.AddScoped<IUpdateHandler, UpdateRouter>();
        services.AddScoped<SwitchedOffHandler>().AddSingleton<MaintenanceNotices>();
        services.AddFeatureSignalOverRedis().AddFeatureRefresh();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<HandlingDeadline>();
        services.AddOptions<InboundLimitOptions>().BindConfiguration(InboundLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboundLimiter>().AddSingleton<InboundGate>();
        services.AddSingleton<BotMetrics>();

        services.AddOptions<WarmupOptions>().BindConfiguration(WarmupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BotWarmup>();
        services.AddHealthChecks().AddCheck<WarmupHealthCheck>(WarmupHealthCheck.Name);
        services.AddSingleton<BotStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<BotStartup>());
        services.AddSingleton<CommandMenu>();
        services.AddHostedService<CommandMenuSync>();
        services.AddHostedService<PollingService>();

        services.AddSingleton<OutboxExecutor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
