using Quiz.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Replies;

/// <summary>Turns Core's transport-neutral buttons and invoices into Telegram calls.</summary>
public static class MessageRenderer
{
    /// <summary>sendInvoice for a Stars invoice: no provider token, one price (direct reply and outbox alike).</summary>
    public static Task<Message> SendInvoice(this ITelegramBotClient bot, long chatId, SendInvoicePayload invoice, CancellationToken ct) =>
        bot.SendInvoice(chatId, invoice.Title, invoice.Description, invoice.Payload, invoice.Currency,
            [new LabeledPrice(invoice.Title, invoice.PriceStars)], cancellationToken: ct);

    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<MessageButton>>? rows) =>
        rows is null || rows.Count == 0
            ? null
            : new InlineKeyboardMarkup(rows.Select(row => row.Select(Button)));

    private static InlineKeyboardButton Button(MessageButton button) =>
        button.Url is { } url
            ? InlineKeyboardButton.WithUrl(button.Text, url)
            : InlineKeyboardButton.WithCallbackData(button.Text, TelegramLimits.CallbackData(button.CallbackData ?? ""));
}
