using System.Diagnostics.Metrics;
using System.Text.Json;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Telegram.Bot.Exceptions;

namespace Quiz.Bot.Outbox;

/// <summary>
/// Sends what other services (and deferred replies) left in the outbox. Safe with several bot
/// replicas: rows are leased with SKIP LOCKED and each chat's rows go out in order, within the
/// send limits shared through Redis. 429 → wait <c>retry_after</c>; 403 → the player blocked us:
/// mark them and drop their pending rows; other 400s → dead letter with Telegram's reason;
/// network and 5xx → retried with backoff, then given up.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    OutboxExecutor executor,
    PlayerDirectory players,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 8;
    private const int BatchSize = 64;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);
    private static readonly Meter Meter = new("Quiz.Bot");
    private static readonly Counter<long> Results = Meter.CreateCounter<long>("quiz.bot.outbox.messages");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await store.ClaimAsync(BatchSize, Lease, stoppingToken);
                if (batch.Count == 0)
                {
                    await Task.Delay(IdleDelay, stoppingToken);
                    continue;
                }
                // One row per chat per batch: chats proceed in parallel, each within its own limit.
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken },
                    async (message, ct) => await DispatchAsync(message, ct));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    public async Task DispatchAsync(ClaimedOutboxMessage message, CancellationToken ct)
    {
        string outcome;
        try
        {
            if (message.ChatId is { } chat && await players.HasBlockedBotAsync(chat, ct))
            {
                await store.DeadLetterAsync(message.Id, "player blocked the bot", ct);
                outcome = "blocked";
            }
            else
            {
                var result = await executor.ExecuteAsync(message, ct);
                await store.CompleteAsync(message.Id, result, ct);
                outcome = "sent";
            }
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
            await store.RetryLaterAsync(message.Id, wait, ex.Message, countAttempt: false, ct);
            outcome = "throttled";
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403 && message.ChatId is { } chat)
        {
            await players.SetBlockedAsync(chat, blocked: true, ct);
            await store.DeadLetterAsync(message.Id, ex.Message, ct);
            await store.DeadLetterChatAsync(chat, "player blocked the bot", ct);
            outcome = "blocked";
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("message is not modified", StringComparison.Ordinal))
        {
            await store.CompleteAsync(message.Id, "not modified", ct);
            outcome = "sent";
        }
        catch (Exception ex) when (ex is JsonException or OverflowException || ex is ApiRequestException { ErrorCode: >= 400 and < 500 })
        {
            await store.DeadLetterAsync(message.Id, ex.Message, ct);
            LogDeadLetter(message.Id, message.Kind, ex.Message);
            outcome = "dead";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && !ex.IsUnavailable())
        {
            outcome = message.Attempts + 1 >= MaxAttempts ? "failed" : "retry";
            if (outcome == "failed") await store.GiveUpAsync(message.Id, ex.Message, ct);
            else await store.RetryLaterAsync(message.Id, Backoff(message.Attempts), ex.Message, countAttempt: true, ct);
        }
        Results.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts + 1)));

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} ({Kind}) dead-lettered: {Reason}")]
    private partial void LogDeadLetter(long id, string kind, string reason);

    [LoggerMessage(LogLevel.Error, "Outbox dispatch loop failed; retrying")]
    private partial void LogLoopFailed(Exception ex);
}
