using System.Text.Json;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Outbox;

/// <summary>Runs one outbox row against the Bot API and returns what to record.</summary>
public sealed class OutboxExecutor(ITelegramBotClient bot, ITelegramRateLimiter limiter, IServiceScopeFactory scopes)
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
        var chatId = message.ChatId ?? throw new JsonException($"Outbox kind '{message.Kind}' needs a chat id.");
        switch (message.Kind)
        {
            case OutboxKinds.SendMessage:
            {
                var payload = OutboxWriter.ReadPayload<SendMessagePayload>(message.Payload);
                await limiter.AcquireAsync(chatId, ct);
                var sent = await bot.SendMessage(chatId, TelegramLimits.Html(payload.Text), ParseMode.Html,
                    replyMarkup: MessageRenderer.Keyboard(payload.Buttons), cancellationToken: ct);
                if (payload.Question is { } question) await RecordQuestionMessageAsync(question, sent.MessageId);
                return $"{{\"message_id\":{sent.MessageId}}}";
            }
            case OutboxKinds.EditMessage:
            {
                var payload = OutboxWriter.ReadPayload<EditMessagePayload>(message.Payload);
                await limiter.AcquireAsync(chatId, ct);
                await bot.EditMessageText(chatId, checked((int)payload.MessageId), TelegramLimits.Html(payload.Text), ParseMode.Html,
                    replyMarkup: MessageRenderer.Keyboard(payload.Buttons), cancellationToken: ct);
                return null;
            }
            case OutboxKinds.SendInvoice:
            {
                var invoice = OutboxWriter.ReadPayload<SendInvoicePayload>(message.Payload);
                await limiter.AcquireAsync(chatId, ct);
                var sent = await bot.SendInvoice(chatId, invoice, ct);
                return $"{{\"message_id\":{sent.MessageId}}}";
            }
            case OutboxKinds.DeleteMessage:
            {
                var payload = OutboxWriter.ReadPayload<DeleteMessagePayload>(message.Payload);
                await bot.DeleteMessage(chatId, checked((int)payload.MessageId), ct);
                return null;
            }
            case OutboxKinds.Notice:
                return await NoticeAsync(chatId, OutboxWriter.ReadPayload<NoticePayload>(message.Payload), ct);
            default:
                throw new JsonException($"Unknown outbox kind '{message.Kind}'.");
        }
    }

    /// <summary>A question that went out through the outbox: the worker's reveal edits this message, not a new one.</summary>
    private async Task RecordQuestionMessageAsync(QuestionRef question, int messageId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GameService>().MarkSentAsync(question.SessionId, question.Ordinal, messageId, CancellationToken.None);
    }

    /// <summary>Renders the notice now; an edit Telegram refuses (message gone or too old) becomes a new message.</summary>
    private async Task<string?> NoticeAsync(long chatId, NoticePayload notice, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<NoticeRenderer>().RenderAsync(notice, chatId, ct);
        if (rendered is null) return "{\"skipped\":true}";
        var keyboard = MessageRenderer.Keyboard(rendered.Message.Buttons);
        await limiter.AcquireAsync(chatId, ct);
        if (rendered.EditMessageId is { } editId)
        {
            try
            {
                await bot.EditMessageText(chatId, checked((int)editId), TelegramLimits.Html(rendered.Message.Text), ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
                return $"{{\"edited\":{editId}}}";
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                await limiter.AcquireAsync(chatId, ct);
            }
        }
        var sent = await bot.SendMessage(chatId, TelegramLimits.Html(rendered.Message.Text), ParseMode.Html, replyMarkup: keyboard, cancellationToken: ct);
        return $"{{\"message_id\":{sent.MessageId}}}";
    }

    /// <summary>
    /// All Star transactions, then the comparison in Core. A refusal by Telegram ends the run as
    /// failed (shown in the console); network faults and 5xx are retried by the dispatcher.
    /// </summary>
    private async Task<string?> ReconcileAsync(ReconcileCommand command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reconciliation = scope.ServiceProvider.GetRequiredService<ReconciliationService>();
        IReadOnlyList<StarTransactionRecord> transactions;
        try
        {
            transactions = await new StarTransactionReader(bot).ReadAllAsync(ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            await reconciliation.FailAsync(command.RunId, ex.Message, ct);
            return "{\"reconciliation\":\"failed\"}";
        }
        var completed = await reconciliation.CompleteAsync(command.RunId, transactions, ct);
        return $"{{\"reconciliation\":\"{(completed ? "completed" : "already finished")}\",\"transactions\":{transactions.Count}}}";
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
