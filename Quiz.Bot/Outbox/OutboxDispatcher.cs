using System.Text.Json;
using Quiz.Bot.Sending;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Telegram.Bot.Exceptions;

namespace Quiz.Bot.Outbox;

/// <summary>
/// Sends what other services (and deferred replies) left in the outbox, through the <see cref="TelegramSender"/>, highest lane
/// first (<see cref="OutboxLane"/>); it polls every 200 ms and is woken at once when this replica defers a reply (<see cref="OutboxSignal"/>). Safe with several bot
/// replicas: rows are leased with SKIP LOCKED and each chat's rows go out in order, within the
/// send limits shared through Redis. 429 → wait <c>retry_after</c>; 403 → the player blocked us:
/// mark them and drop their pending rows; other 400s → dead letter with Telegram's reason (except a refund's
/// refusal, which the executor records as the refund's failure, so its command completes);
/// network errors and 5xx → retried with backoff (capped at 5 minutes) for as long as it takes;
/// 401/404/409 are configuration faults, so the row waits instead of being dead-lettered.
/// A reconciliation step is the exception: every failure counts, and after its last attempt the
/// run ends as failed and the row is dead-lettered.
/// One dispatch (limiter wait + send) is bounded well below the lease, so a row is never leased
/// to two replicas while one of them is still sending it.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    OutboxExecutor executor,
    TelegramSender sender,
    PlayerDirectory players,
    OutboxSignal signal,
    BotMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Rows of any lane in flight at once; each chat has at most one, so chats proceed in parallel within their limits.</summary>
    private const int Slots = 16;

    /// <summary>
    /// Interactive and payment rows may start on top of <see cref="Slots"/>, so a reply never waits for bulk notices
    /// already in flight (each of which may wait for its share of the budget).
    /// </summary>
    private const int PrioritySlots = 16;

    /// <summary>
    /// Interactive and payment rows of chats with nothing else waiting are claimed first in every turn, and may start on
    /// top of the others: with 32 flooders' deferred replies in flight, each waiting for its share of the budget, a quiet
    /// player's reply is not queued behind a flood written before it (the budget then serves it first, ADR 0011).
    /// </summary>
    private const int QuietSlots = 8;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DispatchTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A pipeline, not batch by batch: whenever a row finishes, the wake-up comes or the poll is due, it claims rows for
    /// the free slots (<see cref="ClaimTurnAsync"/>).
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var batch = await ClaimTurnAsync(inFlight.Count, stoppingToken);
                foreach (var message in batch) inFlight.Add(DispatchIsolatedAsync(message, stoppingToken));
                await NextTurnAsync(inFlight, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
        try
        {
            await Task.WhenAll(inFlight);
        }
        catch (OperationCanceledException)
        {
            // Stopping: unfinished rows keep their lease and are retried when it expires.
        }
    }

    /// <summary>
    /// Quiet chats' interactive and payment rows first (<see cref="QuietSlots"/>): the lane-order claim reads only the
    /// oldest few rows, and in a flood those are busy chats' rows waiting behind their chat's row in flight, so a quiet
    /// chat's reply written later would not be among them. Then the free slots, highest lane first; when those are
    /// busy, interactive and payment rows only — so a reply deferred behind a tournament's 100,000 start notices starts
    /// as soon as it is claimed.
    /// </summary>
    private async Task<List<ClaimedOutboxMessage>> ClaimTurnAsync(int busy, CancellationToken ct)
    {
        var claimed = new List<ClaimedOutboxMessage>();
        var all = Slots + PrioritySlots + QuietSlots;
        if (busy < all) claimed.AddRange(await store.ClaimQuietAsync(Math.Min(QuietSlots, all - busy), Lease, OutboxLane.Payment, ct));
        busy += claimed.Count;
        if (busy < Slots) claimed.AddRange(await store.ClaimAsync(Slots - busy, Lease, ct));
        else if (busy < Slots + PrioritySlots) claimed.AddRange(await store.ClaimAsync(Slots + PrioritySlots - busy, Lease, OutboxLane.Payment, ct));
        return claimed;
    }

    /// <summary>Until a row in flight finishes, this replica defers a reply (<see cref="OutboxSignal"/>) or the poll is due.</summary>
    private async Task NextTurnAsync(List<Task> inFlight, CancellationToken stoppingToken)
    {
        if (inFlight.Count == 0)
        {
            await signal.WaitAsync(IdleDelay, stoppingToken);
            return;
        }
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = signal.WaitAsync(IdleDelay, turn.Token);
        await Task.WhenAny(woken, Task.WhenAny(inFlight));
        await turn.CancelAsync();
        try
        {
            await woken;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One row's failure (e.g. the database going away mid-way) never cancels its neighbours.</summary>
    private async Task DispatchIsolatedAsync(ClaimedOutboxMessage message, CancellationToken ct)
    {
        try
        {
            await DispatchAsync(message, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogDispatchFailed(ex, message.Id);
        }
    }

    public async Task DispatchAsync(ClaimedOutboxMessage message, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(DispatchTimeout);
        var ct = timeout.Token;
        string outcome;
        try
        {
            if (message.ChatId is { } chat && await players.HasBlockedBotAsync(chat, ct))
            {
                await store.DeadLetterBlockedAsync(message.Id, "player blocked the bot", ct);
                outcome = "blocked";
            }
            else
            {
                var result = await executor.ExecuteAsync(message, ct);
                await store.CompleteAsync(message.Id, result, stoppingToken);
                outcome = "sent";
            }
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
            await store.RetryLaterAsync(message.Id, wait, ex.Message, countAttempt: false, stoppingToken);
            outcome = "throttled";
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403 && message.ChatId is { } chat)
        {
            await store.DeadLetterBlockedAsync(message.Id, ex.Message, stoppingToken);
            await sender.BlockedAsync(chat, stoppingToken);
            outcome = "blocked";
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("message is not modified", StringComparison.Ordinal))
        {
            await store.CompleteAsync(message.Id, "not modified", stoppingToken);
            outcome = "sent";
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404 or 409)
        {
            LogConfigurationFault(ex.ErrorCode, ex.Message);
            await store.RetryLaterAsync(message.Id, TimeSpan.FromMinutes(1), ex.Message, countAttempt: false, stoppingToken);
            outcome = "held";
        }
        catch (Exception ex) when (ex is JsonException or OverflowException || ex is ApiRequestException { ErrorCode: 400 })
        {
            await store.DeadLetterAsync(message.Id, ex.Message, stoppingToken);
            LogDeadLetter(message.Id, message.Kind, ex.Message);
            outcome = "dead";
        }
        catch (Exception ex) when (OutboxExecutor.HasAttemptLimit(message) && !stoppingToken.IsCancellationRequested)
        {
            // A reconciliation step: any failure (Telegram, a dispatch timeout, the database) is an
            // attempt, and the last allowed one ends the run instead of retrying forever.
            if (await executor.GiveUpAsync(message, ex.Message, stoppingToken))
            {
                await store.DeadLetterAsync(message.Id, ex.Message, stoppingToken);
                LogDeadLetter(message.Id, message.Kind, ex.Message);
                outcome = "dead";
            }
            else
            {
                await store.RetryLaterAsync(message.Id, Backoff(message.Attempts), ex.Message, countAttempt: true, stoppingToken);
                outcome = "retry";
            }
        }
        catch (Exception ex) when (IsTransientSend(ex, stoppingToken))
        {
            await store.RetryLaterAsync(message.Id, Backoff(message.Attempts), ex.Message, countAttempt: true, stoppingToken);
            outcome = "retry";
        }
        metrics.OutboxMessage(outcome);
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts + 1, 9))));

    /// <summary>Telegram (or the way to it) failed, not our database: the send is retried later.</summary>
    private static bool IsTransientSend(Exception ex, CancellationToken stoppingToken) =>
        !stoppingToken.IsCancellationRequested
        && ex is ApiRequestException { ErrorCode: >= 500 } or RequestException or HttpRequestException or TimeoutException or OperationCanceledException;

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} ({Kind}) dead-lettered: {Reason}")]
    private partial void LogDeadLetter(long id, string kind, string reason);

    [LoggerMessage(LogLevel.Error, "Telegram refused the bot ({Code}: {Reason}); check token and API URL, outbox held")]
    private partial void LogConfigurationFault(int code, string reason);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} not finished; its lease expires and it is retried")]
    private partial void LogDispatchFailed(Exception ex, long id);

    [LoggerMessage(LogLevel.Error, "Outbox dispatch loop failed; retrying")]
    private partial void LogLoopFailed(Exception ex);
}
