using Quiz.Bot.Sending;
using Quiz.Bot.Texts;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Replies;

/// <summary>
/// What handlers call to answer a player. Everything goes through the one <see cref="TelegramSender"/> (ADR 0011, 0012):
/// a reply goes out at once within the shared send limits, in the reply lane (before outbox sends and notices, and a
/// quiet chat before a flooded one: <see cref="RateLimiting.FairShare"/>). It never waits for its chat's own budget and
/// only briefly (<see cref="Telegram.TelegramOptions.MaxReplyWaitMs"/>) for the overall one; otherwise, or when Telegram
/// cannot take the message right now (429, 5xx, network), it is handed to the outbox, which sends it as soon as the
/// chat's budget allows — so an accepted action never loses its answer and an update's handling never waits on the
/// budget. Once a chat has a reply in the outbox, its later replies follow it there (<see cref="ChatBacklog"/>).
/// </summary>
public sealed class BotReplies(TelegramSender sender)
{
    /// <summary>Sends now if Telegram takes it; returns the message id, or null when it went to the outbox or the player blocked the bot.</summary>
    public Task<int?> SendAsync(long chatId, SendMessagePayload message, CancellationToken ct) =>
        sender.DeliverAsync(chatId, OutboxKinds.SendMessage, message, sender.Reply, ct);

    public Task<int?> SendAsync(long chatId, string text, IReadOnlyList<IReadOnlyList<MessageButton>>? buttons, CancellationToken ct) =>
        SendAsync(chatId, new SendMessagePayload(text, buttons), ct);

    /// <summary>Edits a message within the send limits; if Telegram cannot take it now, the outbox does it later.</summary>
    public Task EditAsync(long chatId, int messageId, string text, IReadOnlyList<IReadOnlyList<MessageButton>>? buttons, CancellationToken ct) =>
        sender.DeliverAsync(chatId, OutboxKinds.EditMessage, new EditMessagePayload(messageId, text, buttons), sender.Reply, ct);

    /// <summary>
    /// An invoice (XTR, no provider token, one price). It answers a press on a message the player already has, so it
    /// does not queue behind the chat's other replies and may wait longer for the budget (<see cref="TelegramSender.Invoice"/>).
    /// Nothing of that chat can follow before it is paid. Telegram's refusals (400) reach the caller.
    /// </summary>
    public Task<int?> SendInvoiceAsync(long chatId, SendInvoicePayload invoice, CancellationToken ct) =>
        sender.DeliverAsync(chatId, OutboxKinds.SendInvoice, invoice, sender.Invoice, ct);

    /// <summary>
    /// A notice the player did not ask for by this very update (the slow-down notice): it goes out now only if the
    /// budget is free without waiting, in the background lane behind every reply; otherwise the outbox sends it.
    /// </summary>
    public Task<int?> SendNoticeAsync(long chatId, string text, CancellationToken ct) =>
        sender.DeliverAsync(chatId, OutboxKinds.SendMessage, new SendMessagePayload(text), TelegramSender.Notice, ct);

    /// <summary>Every button press gets an answer at once; failures here are not worth a retry.</summary>
    public Task AnswerCallbackAsync(string callbackQueryId, string? text, CancellationToken ct) =>
        sender.AnswerCallbackAsync(callbackQueryId, text, ct);

    public Task ApologizeAsync(long chatId, CancellationToken ct) => SendAsync(chatId, De.Apology, null, ct);
}
