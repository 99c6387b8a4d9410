using Microsoft.Extensions.Options;
using Quiz.Bot.Handlers;
using Quiz.Bot.Telegram;
using Telegram.Bot;

namespace Quiz.Bot.Transport;

/// <summary>
/// Long polling for local runs (no public webhook URL). The offset only moves past an update once
/// it is handled, so an update whose handling hit an infrastructure failure is fetched again. The
/// update in hand is finished on shutdown (<see cref="HandlingDeadline"/>), the rest of its batch is not started.
/// </summary>
public sealed partial class PollingService(
    ITelegramBotClient bot,
    UpdatePipeline pipeline,
    HandlingDeadline deadline,
    BotStartup startup,
    IOptions<TelegramOptions> options,
    ILogger<PollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.UsesWebhook) return;
        await startup.Ready.WaitAsync(stoppingToken);
        int? offset = null;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: 25, allowedUpdates: UpdateRouter.AllowedUpdates, cancellationToken: stoppingToken);
                foreach (var update in updates)
                {
                    // Stopping: the rest of the batch is fetched again after the restart (its offset was never confirmed).
                    if (stoppingToken.IsCancellationRequested) return;
                    if (await pipeline.ProcessAsync(update, deadline.Token) == UpdateOutcome.RetryLater)
                    {
                        throw new InvalidOperationException($"Update {update.Id} must be retried");
                    }
                    offset = update.Id + 1;
                }
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(ex, backoff.TotalSeconds);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Polling failed; retrying in {Seconds} s")]
    private partial void LogPollFailed(Exception ex, double seconds);
}
