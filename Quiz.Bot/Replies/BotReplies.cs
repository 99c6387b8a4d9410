using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Telegram;
using Quiz.Bot.Texts;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Replies;

/// <summary>
/// Replies to a player's own action go out at once, within the shared send limits, in the reply lane
/// (before outbox sends and notices, and a quiet chat before a flooded one: <see cref="FairShare"/>). If the budget
/// is not free within <see cref="TelegramOptions.MaxReplyWaitMs"/>, or Telegram cannot take the
/// message right now (429, 5xx, network), it is handed to the outbox — so an accepted action never
/// loses its answer and an update's handling never waits long on the budget. Once a chat has a
/// reply in the outbox, its later replies follow it there (<see cref="ChatBacklog"/>).
/// </summary>
public sealed partial class BotReplies(
    ITelegramBotClient bot,
    ITelegramRateLimiter limiter,
    ChatBacklog backlog,
    PlayerDirectory players,
    IDbContextFactory<QuizDbContext> contexts,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<BotReplies> logger)
{

    /// <summary>Sends now if Telegram takes it; returns the message id, or null when it went to the outbox or the player blocked the bot.</summary>
    public Task<int?> SendAsync(long chatId, SendMessagePayload message, CancellationToken ct)
    {
        message = message with { Text = TelegramLimits.Html(message.Text) };
        return DeliverAsync(chatId, OutboxKinds.SendMessage, message, async () =>
            (await bot.SendMessage(chatId, message.Text, ParseMode.Html, replyMarkup: MessageRenderer.Keyboard(message.Buttons), cancellationToken: ct)).MessageId, ct);
    }

    /// <summary>Edits a message within the send limits; if Telegram cannot take it now, the outbox does it later.</summary>
    public Task EditAsync(long chatId, int messageId, string text, IReadOnlyList<IReadOnlyList<MessageButton>>? buttons, CancellationToken ct)
    {
        text = TelegramLimits.Html(text);
        return DeliverAsync(chatId, OutboxKinds.EditMessage, new EditMessagePayload(messageId, text, buttons), async () =>
        {
            await bot.EditMessageText(chatId, messageId, text, ParseMode.Html, replyMarkup: MessageRenderer.Keyboard(buttons), cancellationToken: ct);
            return (int?)messageId;
        }, ct);
    }

    /// <summary>
    /// An invoice (XTR, no provider token, one price). It answers a press on a message the player
    /// already has, so it does not queue behind the chat's other replies, and it may wait longer
    /// for the budget (<see cref="TelegramOptions.MaxInvoiceWaitMs"/>) than a reply: behind an
    /// outbox backlog a purchase would stall. Nothing of that chat can follow before it is paid.
    /// Telegram's refusals (400) reach the caller.
    /// </summary>
    public Task<int?> SendInvoiceAsync(long chatId, SendInvoicePayload invoice, CancellationToken ct) =>
        DeliverAsync(chatId, OutboxKinds.SendInvoice, invoice, async () =>
            (await bot.SendInvoice(chatId, invoice, ct)).MessageId, ct,
            queueBehindBacklog: false, maxWaitMs: options.Value.MaxInvoiceWaitMs);

    /// <summary>
    /// A notice the player did not ask for by this very update (the slow-down notice): it goes out now only if
    /// the budget is free without waiting, in the background lane behind every reply; otherwise the outbox sends it.
    /// </summary>
    public Task<int?> SendNoticeAsync(long chatId, string text, CancellationToken ct)
    {
        var message = new SendMessagePayload(TelegramLimits.Html(text), null);
        return DeliverAsync(chatId, OutboxKinds.SendMessage, message, async () =>
            (await bot.SendMessage(chatId, message.Text, ParseMode.Html, cancellationToken: ct)).MessageId, ct,
            maxWaitMs: 0, lane: SendLane.Background);
    }

    private async Task<int?> DeliverAsync(
        long chatId, string kind, object payload, Func<Task<int?>> send, CancellationToken ct, bool queueBehindBacklog = true, int? maxWaitMs = null,
        SendLane lane = SendLane.Reply)
    {
        if ((queueBehindBacklog && await backlog.HasBacklogAsync(chatId, ct))
            || !await limiter.TryAcquireAsync(chatId, lane, TimeSpan.FromMilliseconds(maxWaitMs ?? options.Value.MaxReplyWaitMs), ct))
        {
            await DeferAsync(chatId, kind, payload, "send budget", 0, ct);
            return null;
        }
        try
        {
            return await send();
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            await players.SetBlockedAsync(chatId, blocked: true, ct);
        }
        catch (Exception ex) when (IsTransient(ex, ct))
        {
            await DeferAsync(chatId, kind, payload, ex.Message, RetryAfter(ex), ct);
        }
        return null;
    }

    private static int RetryAfter(Exception ex) => (ex as ApiRequestException)?.Parameters?.RetryAfter ?? 0;

    private async Task DeferAsync(long chatId, string kind, object payload, string reason, int retryAfter, CancellationToken ct)
    {
        LogDeferred(chatId, reason);
        metrics.ReplyDeferred();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        OutboxWriter.Enqueue(db, kind, chatId, payload, now, availableAt: now.AddSeconds(retryAfter));
        await db.SaveChangesAsync(ct);
    }

    public Task<int?> SendAsync(long chatId, string text, IReadOnlyList<IReadOnlyList<MessageButton>>? buttons, CancellationToken ct) =>
        SendAsync(chatId, new SendMessagePayload(text, buttons), ct);

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

    public Task ApologizeAsync(long chatId, CancellationToken ct) => SendAsync(chatId, De.Apology, null, ct);

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        ApiRequestException api => api.ErrorCode == 429 || api.ErrorCode >= 500,
        RequestException or HttpRequestException => true,
        TaskCanceledException when !ct.IsCancellationRequested => true,
        _ => false,
    };

    [LoggerMessage(LogLevel.Warning, "Direct reply to chat {ChatId} deferred to the outbox: {Reason}")]
    private partial void LogDeferred(long chatId, string reason);

    [LoggerMessage(LogLevel.Information, "Callback {CallbackQueryId} could not be answered: {Reason}")]
    private partial void LogCallbackAnswerFailed(string callbackQueryId, string reason);
}
