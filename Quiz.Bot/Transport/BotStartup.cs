using Microsoft.Extensions.Options;
using Quiz.Bot.Handlers;
using Quiz.Bot.Replies;
using Quiz.Bot.Telegram;
using Telegram.Bot;

namespace Quiz.Bot.Transport;

/// <summary>
/// First warms the bot up (<see cref="BotWarmup"/>, readiness waits for it), then learns the bot's username (for duel links), registers the commands (<see cref="CommandMenu"/>: those the feature switches allow; <see cref="CommandMenuSync"/> follows later changes) and either the webhook (explicit allowed_updates, pending updates kept)
/// or, without a public URL, removes any webhook so long polling can run. Retries until Telegram
/// answers, then opens <see cref="Ready"/>.
/// </summary>
public sealed partial class BotStartup(BotWarmup warmup, ITelegramBotClient bot, IOptions<TelegramOptions> options, BotLinks links, CommandMenu menu, ILogger<BotStartup> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await warmup.RunAsync(stoppingToken);
        var o = options.Value;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var me = await bot.GetMe(stoppingToken);
                links.Username = me.Username ?? links.Username;
                await menu.SyncAsync(stoppingToken);
                if (o.UsesWebhook)
                {
                    await bot.SetWebhook(o.WebhookUrl!, maxConnections: o.MaxConnections, allowedUpdates: UpdateRouter.AllowedUpdates,
                        dropPendingUpdates: false, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
                }
                else
                {
                    await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
                }
                LogRegistered(o.UsesWebhook ? "webhook" : "long polling");
                ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRegistrationFailed(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt * 2, 30)), stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Telegram transport ready: {Mode}")]
    private partial void LogRegistered(string mode);

    [LoggerMessage(LogLevel.Warning, "Telegram registration failed (attempt {Attempt}); retrying")]
    private partial void LogRegistrationFailed(Exception ex, int attempt);
}
