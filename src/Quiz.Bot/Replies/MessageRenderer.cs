using Quiz.Core.Messaging;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Replies;

/// <summary>Turns Core's transport-neutral buttons into Telegram's inline keyboard.</summary>
public static class MessageRenderer
{
    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<MessageButton>>? rows) =>
        rows is null || rows.Count == 0
            ? null
            : new InlineKeyboardMarkup(rows.Select(row => row.Select(Button)));

    private static InlineKeyboardButton Button(MessageButton button) =>
        button.Url is { } url
            ? InlineKeyboardButton.WithUrl(button.Text, url)
            : InlineKeyboardButton.WithCallbackData(button.Text, button.CallbackData ?? "");
}
