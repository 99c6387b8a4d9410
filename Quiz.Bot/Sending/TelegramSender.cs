using Microsoft.Extensions.Options;
using Quiz.Bot.Outbox;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Bot.Telegram;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Sending;

/// <summary>
/// The one Telegram sender (ADR 0012): every chat message the bot sends or edits — a direct reply inside an update's
/// handling (<see cref="BotReplies"/>) or an outbox row (<see cref="OutboxExecutor"/>) — goes through here, so the limits,
/// the text limits, the recording of a question's message id and the handling of a player who blocked the bot are
/// done once.
/// A direct send goes out at once if the budget allows it within its <see cref="Delivery"/>: a reply never waits for
/// its chat's own bucket (1/s after a short burst), only briefly for the overall budget. Otherwise, or when Telegram
/// cannot take it right now (429, 5xx, network), it is handed to the outbox at once — durable, in the chat's order
/// (<see cref="ChatBacklog"/>) — and this replica's dispatcher is woken (<see cref="OutboxSignal"/>), so the reply goes
/// out as soon as the chat's budget allows, and the update's handling, and the next update of the chat, never wait.
/// </summary>
public sealed partial class TelegramSender(
    ITelegramBotClient bot,
    ITelegramRateLimiter limiter,
    ChatBacklog backlog,
    PlayerDirectory players,
    OutboxStore outbox,
    OutboxSignal signal,
    IDbContextFactory<QuizDbContext> contexts,
    IServiceScopeFactory scopes,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<TelegramSender> logger)
{
    /// <summary>The answer to a player's own action: first in line for the overall budget, never waiting for its chat's bucket.</summary>
    public Delivery Reply => new(SendLane.Reply, TimeSpan.FromMilliseconds(options.Value.MaxReplyWaitMs), TimeSpan.Zero, BehindBacklog: true);

    /// <summary>
    /// An invoice answers a press on a message the player already has: it does not queue behind the chat's backlog and may
    /// wait longer (<see cref="TelegramOptions.MaxInvoiceWaitMs"/>), as in the outbox a purchase would stall behind it.
    /// </summary>
    public Delivery Invoice
    {
        get
        {
            var wait = TimeSpan.FromMilliseconds(options.Value.MaxInvoiceWaitMs);
            return new(SendLane.Reply, wait, wait, BehindBacklog: false);
        }
    }

    /// <summary>A notice the player did not ask for by this very update: now only if the budget is free without waiting, in the background lane.</summary>
    public static Delivery Notice { get; } = new(SendLane.Background, TimeSpan.Zero, TimeSpan.Zero, BehindBacklog: true);

    /// <summary>
    /// Sends (<see cref="OutboxKinds.SendMessage"/>, <see cref="OutboxKinds.SendInvoice"/>) or edits
    /// (<see cref="OutboxKinds.EditMessage"/>) now if the budget allows; returns the message id, or null when it went to the
    /// outbox or the player blocked the bot. Telegram's refusals (400) reach the caller.
    /// </summary>
    public async Task<int?> DeliverAsync(long chatId, string kind, object payload, Delivery delivery, CancellationToken ct)
    {
        if ((delivery.BehindBacklog && await backlog.HasBacklogAsync(chatId, ct))
            || !await limiter.TryAcquireAsync(chatId, delivery.Lane, delivery.MaxWait, delivery.MaxChatWait, ct))
        {
            // The normal path for a chat past its burst: no warning, the metric counts it.
            LogDeferredForBudget(chatId);
            await DeferAsync(chatId, kind, payload, 0, ct);
            return null;
        }
        try
        {
            return await ExecuteAsync(chatId, kind, payload, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            await BlockedAsync(chatId, ct);
        }
        catch (Exception ex) when (IsTransient(ex, ct))
        {
            LogDeferred(chatId, ex.Message);
            await DeferAsync(chatId, kind, payload, (ex as ApiRequestException)?.Parameters?.RetryAfter ?? 0, ct);
        }
        return null;
    }

    /// <summary>
    /// The player blocked the bot (403): marked, so nothing more is tried, and whatever the outbox still holds for the
    /// chat is dead-lettered.
    /// </summary>
    public async Task BlockedAsync(long chatId, CancellationToken ct)
    {
        await players.SetBlockedAsync(chatId, blocked: true, ct);
        await outbox.DeadLetterChatAsync(chatId, "player blocked the bot", ct);
    }

    private async Task DeferAsync(long chatId, string kind, object payload, int retryAfter, CancellationToken ct)
    {
        metrics.ReplyDeferred();
        var now = time.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            OutboxWriter.Enqueue(db, kind, chatId, payload, now, availableAt: now.AddSeconds(retryAfter));
            await db.SaveChangesAsync(ct);
        }
        signal.Wake();
    }

    /// <summary>
    /// A document (the data export, <c>sendDocument</c>): a stream is not kept in the outbox, so it waits for the budget in
    /// the reply lane and goes out now. Returns null when sent (or the player blocked the bot), else why Telegram could not
    /// take it — the caller apologises and the player may simply ask again.
    /// </summary>
    public async Task<string?> SendDocumentAsync(long chatId, Stream content, string fileName, string caption, CancellationToken ct)
    {
        try
        {
            await limiter.AcquireAsync(chatId, SendLane.Reply, ct);
            await bot.SendDocument(chatId, InputFile.FromStream(content, fileName), caption: caption, parseMode: ParseMode.Html, cancellationToken: ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            await BlockedAsync(chatId, ct);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return ex.Message;
        }
        return null;
    }

    /// <summary>Every button press gets an answer at once; failures here are not worth a retry.</summary>
    public async Task AnswerCallbackAsync(string callbackQueryId, string? text, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackQueryId, TelegramLimits.CallbackText(text), cancellationToken: ct);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogCallbackAnswerFailed(callbackQueryId, ex.Message);
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        ApiRequestException api => api.ErrorCode == 429 || api.ErrorCode >= 500,
        RequestException or HttpRequestException => true,
        TaskCanceledException when !ct.IsCancellationRequested => true,
        _ => false,
    };

    [LoggerMessage(LogLevel.Warning, "Direct reply to chat {ChatId} deferred to the outbox: {Reason}")]
    private partial void LogDeferred(long chatId, string reason);

    [LoggerMessage(LogLevel.Debug, "Direct reply to chat {ChatId} handed to the outbox: the chat's send budget is not free now")]
    private partial void LogDeferredForBudget(long chatId);

    [LoggerMessage(LogLevel.Information, "Callback {CallbackQueryId} could not be answered: {Reason}")]
    private partial void LogCallbackAnswerFailed(string callbackQueryId, string reason);
}
