using System.Text.Json;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Sending;
using Quiz.Bot.Telegram;
using Quiz.Core.Announcements;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Core.Privacy;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Quiz.Bot.Outbox;

/// <summary>
/// Runs one outbox row and returns what to record. Chat messages go through the <see cref="TelegramSender"/> in the send
/// lane of the row's lane (<see cref="SendLanes.Of"/>); payments and reconciliation call the Bot API here.
/// </summary>
public sealed class OutboxExecutor(ITelegramBotClient bot, TelegramSender sender, IServiceScopeFactory scopes)
{
    public async Task<string?> ExecuteAsync(ClaimedOutboxMessage message, CancellationToken ct)
    {
        if (message.Kind == OutboxKinds.ReconcileStarTransactions)
        {
            return await ReconcileAsync(OutboxWriter.ReadPayload<ReconcileCommand>(message.Payload), ct);
        }
        if (message.Kind == OutboxKinds.RefundStarPayment)
        {
            return await RefundAsync(OutboxWriter.ReadPayload<RefundCommand>(message.Payload), ct);
        }
        if (message.Kind == OutboxKinds.CancelStarSubscription)
        {
            return await CancelSubscriptionAsync(OutboxWriter.ReadPayload<CancelSubscriptionCommand>(message.Payload), ct);
        }
        if (message.Kind == OutboxKinds.GetWebhookInfo)
        {
            // The console's Betrieb page reads the answer back from the row's result (WebhookStatus).
            return JsonSerializer.Serialize(await sender.WebhookInfoAsync(ct), OutboxWriter.PayloadJson);
        }
        var chatId = message.ChatId ?? throw new JsonException($"Outbox kind '{message.Kind}' needs a chat id.");
        var lane = SendLanes.Of(message.Lane);
        switch (message.Kind)
        {
            case OutboxKinds.SendMessage:
                return MessageId(await sender.SendQueuedAsync(chatId, message.Kind, OutboxWriter.ReadPayload<SendMessagePayload>(message.Payload), lane, ct));
            case OutboxKinds.EditMessage:
                await sender.SendQueuedAsync(chatId, message.Kind, OutboxWriter.ReadPayload<EditMessagePayload>(message.Payload), lane, ct);
                return null;
            case OutboxKinds.SendInvoice:
                return MessageId(await sender.SendQueuedAsync(chatId, message.Kind, OutboxWriter.ReadPayload<SendInvoicePayload>(message.Payload), lane, ct));
            case OutboxKinds.DeleteMessage:
                await sender.SendQueuedAsync(chatId, message.Kind, OutboxWriter.ReadPayload<DeleteMessagePayload>(message.Payload), lane, ct);
                return null;
            case OutboxKinds.Notice:
                return await NoticeAsync(chatId, OutboxWriter.ReadPayload<NoticePayload>(message.Payload), lane, ct);
            case OutboxKinds.Announcement:
                return await AnnouncementAsync(chatId, OutboxWriter.ReadPayload<AnnouncementPayload>(message.Payload), lane, ct);
            default:
                throw new JsonException($"Unknown outbox kind '{message.Kind}'.");
        }
    }

    private static string MessageId(int? id) => $"{{\"message_id\":{id}}}";

    /// <summary>
    /// A deleted player's running subscription: editUserStarSubscription stops its renewal. A 400 is Telegram's final word
    /// (e.g. the subscription ended meanwhile) and is recorded as the result; 429, 5xx and network faults are retried.
    /// </summary>
    private async Task<string?> CancelSubscriptionAsync(CancelSubscriptionCommand command, CancellationToken ct)
    {
        try
        {
            await bot.SendRequest(new EditStarSubscriptionRequest(command.TelegramUserId, command.TelegramPaymentChargeId, true), ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            return JsonSerializer.Serialize(new { subscription = "refused", reason = ex.Message });
        }
        return "{\"subscription\":\"canceled\"}";
    }

    /// <summary>Renders the notice now; the sender edits the message it belongs to or sends a new one.</summary>
    private async Task<string?> NoticeAsync(long chatId, NoticePayload notice, SendLane lane, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<NoticeRenderer>().RenderAsync(notice, chatId, ct);
        if (rendered is null) return "{\"skipped\":true}";
        var (id, edited) = await sender.SendQueuedNoticeAsync(chatId, rendered, lane, ct);
        return edited ? $"{{\"edited\":{id}}}" : MessageId(id);
    }

    /// <summary>
    /// An operator's announcement: its text (checked as Telegram HTML when it was written) read now, so a row of a canceled
    /// announcement is skipped instead of sent; sent as a bulk message (with paid broadcast when that is on).
    /// </summary>
    private async Task<string?> AnnouncementAsync(long chatId, AnnouncementPayload announcement, SendLane lane, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var text = await scope.ServiceProvider.GetRequiredService<AnnouncementFanOut>().TextForSendingAsync(announcement.AnnouncementId, ct);
        if (text is null) return "{\"skipped\":\"canceled\"}";
        return MessageId(await sender.SendQueuedAsync(chatId, OutboxKinds.SendMessage, new SendMessagePayload(text), lane, ct));
    }

    /// <summary>
    /// One step of a reconciliation: at most the command's pages of Star transactions, then that
    /// chunk's comparison in Core (which enqueues the next step). A refusal by Telegram ends the run
    /// as failed (shown in the console); other faults reach the dispatcher, which retries the step
    /// until <see cref="GiveUpAsync"/> ends the run.
    /// </summary>
    private async Task<string?> ReconcileAsync(ReconcileCommand command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reconciliation = scope.ServiceProvider.GetRequiredService<ReconciliationService>();
        StarTransactionChunk chunk;
        try
        {
            chunk = await new StarTransactionReader(bot).ReadAsync(command.Offset, command.PagesOrDefault, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            await reconciliation.FailAsync(command.RunId, ex.Message, ct);
            return "{\"reconciliation\":\"failed\"}";
        }
        var outcome = await reconciliation.StepAsync(command, chunk, ct);
        return $"{{\"reconciliation\":\"{outcome}\",\"step\":{command.Step},\"offset\":{command.Offset},\"read\":{chunk.Listed.Count}}}";
    }

    /// <summary>
    /// Whether a failed row of this kind is retried only a limited number of times (a
    /// reconciliation step); the dispatcher then counts every failure, timeouts included.
    /// </summary>
    public static bool HasAttemptLimit(ClaimedOutboxMessage message) => message.Kind == OutboxKinds.ReconcileStarTransactions;

    /// <summary>
    /// After a reconciliation step failed for the last allowed time, ends its run as failed with
    /// the reason; true when the row is to be dead-lettered, false when it is to be retried.
    /// </summary>
    public async Task<bool> GiveUpAsync(ClaimedOutboxMessage message, string reason, CancellationToken ct)
    {
        if (!HasAttemptLimit(message)) return false;
        var command = OutboxWriter.ReadPayload<ReconcileCommand>(message.Payload);
        var attempts = message.Attempts + 1;
        if (attempts < command.MaxAttemptsOrDefault) return false;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReconciliationService>().GiveUpAsync(command, attempts, reason, ct);
        return true;
    }

    /// <summary>
    /// refundStarPayment, then the refund's completion; Telegram's CHARGE_ALREADY_REFUNDED counts as done. Any other
    /// 400 is Telegram's final word on this attempt: Core records it with Telegram's description (the console's alert)
    /// and the command is done. 429, 5xx and network faults reach the dispatcher, which retries them.
    /// </summary>
    private async Task<string?> RefundAsync(RefundCommand command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var refunds = scope.ServiceProvider.GetRequiredService<Refunds>();
        try
        {
            await bot.RefundStarPayment(command.TelegramUserId, command.TelegramPaymentChargeId, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("CHARGE_ALREADY_REFUNDED", StringComparison.Ordinal))
        {
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            var failed = await refunds.FailAsync(command.PurchaseId, command.Attempt, ex.Message, ct);
            return $"{{\"refund\":\"{failed}\"}}";
        }
        var outcome = await refunds.CompleteAsync(command.TelegramPaymentChargeId, ct);
        return $"{{\"refund\":\"{outcome}\"}}";
    }
}
