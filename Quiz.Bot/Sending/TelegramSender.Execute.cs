using System.Text.Json;
using Quiz.Bot.Outbox;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Sending;

public sealed partial class TelegramSender
{
    /// <summary>
    /// An outbox row's message: waits for the budget in its row's <paramref name="lane"/> as long as it takes, then sends.
    /// Telegram's faults reach the <see cref="OutboxDispatcher"/>, which retries, dead-letters or calls <see cref="BlockedAsync"/>.
    /// </summary>
    public async Task<int?> SendQueuedAsync(long chatId, string kind, object payload, SendLane lane, CancellationToken ct)
    {
        // A bulk notice goes with allow_paid_broadcast when that is on and today's Stars last: past the free budget.
        var paid = lane == SendLane.Bulk && kind == OutboxKinds.SendMessage && await limiter.TryAcquirePaidAsync(chatId, ct);
        if (!paid && kind != OutboxKinds.DeleteMessage) await limiter.AcquireAsync(chatId, lane, ct);
        if (paid) metrics.PaidBroadcast();
        return await ExecuteAsync(chatId, kind, payload, ct, paid);
    }

    /// <summary>
    /// A rendered notice from the outbox: edits the message it belongs to, or — when there is none, or Telegram refuses the
    /// edit (message gone or too old) — sends it as a new one. Returns the edited or the new message's id and whether it was an edit.
    /// </summary>
    public async Task<(int MessageId, bool Edited)> SendQueuedNoticeAsync(long chatId, RenderedNotice notice, SendLane lane, CancellationToken ct)
    {
        if (notice.EditMessageId is { } editId)
        {
            try
            {
                var edit = new EditMessagePayload(editId, notice.Message.Text, notice.Message.Buttons);
                return ((await SendQueuedAsync(chatId, OutboxKinds.EditMessage, edit, lane, ct))!.Value, true);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && !ex.Message.Contains("message is not modified", StringComparison.Ordinal))
            {
            }
        }
        return ((await SendQueuedAsync(chatId, OutboxKinds.SendMessage, notice.Message, lane, ct))!.Value, false);
    }

    /// <summary>
    /// The one place that puts a chat message to the Bot API: the text within Telegram's limits, the keyboard rendered, and a
    /// question's message id recorded once it is sent (the worker's reveal edits that message, and its answer clock starts).
    /// </summary>
    private async Task<int?> ExecuteAsync(long chatId, string kind, object payload, CancellationToken ct, bool paidBroadcast = false)
    {
        switch (kind, payload)
        {
            case (OutboxKinds.SendMessage, SendMessagePayload message):
            {
                var sent = await bot.SendMessage(chatId, TelegramLimits.Html(message.Text), ParseMode.Html,
                    replyMarkup: MessageRenderer.Keyboard(message.Buttons), allowPaidBroadcast: paidBroadcast, cancellationToken: ct);
                if (message.Question is { } question) await RecordQuestionMessageAsync(question, sent.MessageId);
                return sent.MessageId;
            }
            case (OutboxKinds.EditMessage, EditMessagePayload edit):
            {
                var messageId = checked((int)edit.MessageId);
                await bot.EditMessageText(chatId, messageId, TelegramLimits.Html(edit.Text), ParseMode.Html,
                    replyMarkup: MessageRenderer.Keyboard(edit.Buttons), cancellationToken: ct);
                return messageId;
            }
            case (OutboxKinds.SendInvoice, SendInvoicePayload invoice):
                return (await bot.SendInvoice(chatId, invoice, ct)).MessageId;
            case (OutboxKinds.DeleteMessage, DeleteMessagePayload delete):
                await bot.DeleteMessage(chatId, checked((int)delete.MessageId), ct);
                return null;
            default:
                throw new JsonException($"Outbox kind '{kind}' cannot carry a {payload.GetType().Name}.");
        }
    }

    /// <summary>A question that went out: remember its message, so the worker's reveal edits it instead of sending a new one.</summary>
    private async Task RecordQuestionMessageAsync(QuestionRef question, int messageId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GameService>().MarkSentAsync(question.SessionId, question.Ordinal, messageId, CancellationToken.None);
    }
}
