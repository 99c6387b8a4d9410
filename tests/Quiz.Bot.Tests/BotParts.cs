using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quiz.Bot.Outbox;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Bot.Sending;
using Quiz.Bot.Telegram;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;
using Telegram.Bot;

namespace Quiz.Bot.Tests;

/// <summary>The bot's sending parts over Core's services, as the host wires them, with a test's client and limiter.</summary>
internal static class BotParts
{
    public static TelegramSender Sender(
        CoreServices core, ITelegramBotClient telegram, ITelegramRateLimiter? limiter = null, TelegramOptions? options = null, OutboxSignal? signal = null)
    {
        var contexts = core.Get<IDbContextFactory<QuizDbContext>>();
        return new TelegramSender(telegram, limiter ?? new NoLimit(), new ChatBacklog(contexts), core.Get<PlayerDirectory>(), core.Get<OutboxStore>(),
            signal ?? new OutboxSignal(), contexts, core.Get<IServiceScopeFactory>(), Options.Create(options ?? new TelegramOptions()),
            core.Get<TimeProvider>(), new BotMetrics(core.Get<IMeterFactory>()), NullLogger<TelegramSender>.Instance);
    }

    public static BotReplies Replies(CoreServices core, ITelegramBotClient telegram) => new(Sender(core, telegram));

    public static OutboxExecutor Executor(CoreServices core, ITelegramBotClient telegram) =>
        new(telegram, Sender(core, telegram), core.Get<IServiceScopeFactory>());

    public static OutboxDispatcher Dispatcher(CoreServices core, ITelegramBotClient telegram) =>
        Dispatcher(core, Executor(core, telegram), Sender(core, telegram));

    public static OutboxDispatcher Dispatcher(CoreServices core, OutboxExecutor executor, TelegramSender sender) =>
        new(core.Get<OutboxStore>(), executor, sender, core.Get<PlayerDirectory>(), new OutboxSignal(), new BotMetrics(core.Get<IMeterFactory>()),
            NullLogger<OutboxDispatcher>.Instance);
}
