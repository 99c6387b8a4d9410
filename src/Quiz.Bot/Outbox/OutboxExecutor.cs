using System.Text.Json;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Outbox;

/// <summary>Runs one outbox row against the Bot API and returns what to record.</summary>
public sealed class OutboxExecutor(ITelegramBotClient bot, ITelegramRateLimiter limiter)
{
    public async Task<string?> ExecuteAsync(ClaimedOutboxMessage message, CancellationToken ct)
    {
        var chatId = message.ChatId ?? throw new JsonException($"Outbox kind '{message.Kind}' needs a chat id.");
        switch (message.Kind)
        {
            case OutboxKinds.SendMessage:
            {
                var payload = OutboxWriter.ReadPayload<SendMessagePayload>(message.Payload);
                await limiter.AcquireAsync(chatId, ct);
                var sent = await bot.SendMessage(chatId, payload.Text, ParseMode.Html,
                    replyMarkup: MessageRenderer.Keyboard(payload.Buttons), cancellationToken: ct);
                return $"{{\"message_id\":{sent.MessageId}}}";
            }
            case OutboxKinds.EditMessage:
            {
                var payload = OutboxWriter.ReadPayload<EditMessagePayload>(message.Payload);
                await limiter.AcquireAsync(chatId, ct);
                await bot.EditMessageText(chatId, checked((int)payload.MessageId), payload.Text, ParseMode.Html,
                    replyMarkup: MessageRenderer.Keyboard(payload.Buttons), cancellationToken: ct);
                return null;
            }
            case OutboxKinds.DeleteMessage:
            {
                var payload = OutboxWriter.ReadPayload<DeleteMessagePayload>(message.Payload);
                await bot.DeleteMessage(chatId, checked((int)payload.MessageId), ct);
                return null;
            }
            default:
                throw new JsonException($"Unknown outbox kind '{message.Kind}'.");
        }
    }
}
