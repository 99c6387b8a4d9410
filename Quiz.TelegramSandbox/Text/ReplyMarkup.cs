using System.Text;
using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.BotApi;

namespace Quiz.TelegramSandbox.Text;

/// <summary>A validated reply_markup: an inline keyboard (part of the message) or a keyboard for the user's input field.</summary>
public sealed record ReplyMarkup(JsonObject? Inline, JsonObject? UserKeyboard)
{
    public const int MaxInlineButtons = 100;
    public const int MaxCallbackDataBytes = 64;

    private static readonly string[] ButtonActions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    private static readonly string[] ButtonFields = ["text", "icon_custom_emoji_id", "style", .. ButtonActions];

    public static ReplyMarkup None { get; } = new(null, null);

    public static ReplyMarkup Parse(JsonNode? node, bool inlineOnly = false)
    {
        if (node is null)
        {
            return None;
        }

        if (node is not JsonObject markup)
        {
            throw ErrorTexts.ReplyMarkupInvalid();
        }

        if (markup["inline_keyboard"] is { } rows)
        {
            return new ReplyMarkup(ParseInline(rows), null);
        }

        if (inlineOnly)
        {
            throw ErrorTexts.InlineKeyboardExpected();
        }

        var isUserKeyboard = markup["keyboard"] is JsonArray
            || markup["remove_keyboard"]?.GetValueKind() == System.Text.Json.JsonValueKind.True
            || markup["force_reply"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        return isUserKeyboard ? new ReplyMarkup(null, markup.DeepClone().AsObject()) : throw ErrorTexts.ReplyMarkupInvalid();
    }

    private static JsonObject ParseInline(JsonNode rows)
    {
        if (rows is not JsonArray rowArray || rowArray.Any(r => r is not JsonArray))
        {
            throw ErrorTexts.ReplyMarkupInvalid();
        }

        if (rowArray.Sum(r => r!.AsArray().Count) > MaxInlineButtons)
        {
            throw ErrorTexts.TooManyButtons();
        }

        var normalized = new JsonArray();
        foreach (var row in rowArray)
        {
            var buttons = new JsonArray();
            foreach (var button in row!.AsArray())
            {
                buttons.Add(ParseButton(button));
            }

            normalized.Add(buttons);
        }

        return new JsonObject { ["inline_keyboard"] = normalized };
    }

    private static JsonObject ParseButton(JsonNode? node)
    {
        if (node is not JsonObject button || button["text"] is not JsonValue text || !text.TryGetValue(out string? _))
        {
            throw ErrorTexts.ButtonInvalid("Field \"text\" must be of type String");
        }

        var actions = ButtonActions.Count(a => button[a] is not null);
        if (actions == 0)
        {
            throw ErrorTexts.TextButtonsUnallowed();
        }

        if (button["callback_data"] is { } data)
        {
            var value = data is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            var bytes = value is null ? 0 : Encoding.UTF8.GetByteCount(value);
            if (bytes is < 1 or > MaxCallbackDataBytes)
            {
                throw ErrorTexts.ButtonDataInvalid();
            }
        }

        if (button["url"] is { } url && !IsButtonUrl(url))
        {
            throw ErrorTexts.ButtonUrlInvalid();
        }

        // Telegram echoes only the fields it knows.
        var clean = new JsonObject();
        foreach (var field in ButtonFields.Where(f => button[f] is not null))
        {
            clean[field] = button[field]!.DeepClone();
        }

        return clean;
    }

    private static bool IsButtonUrl(JsonNode url) =>
        url is JsonValue v && v.TryGetValue(out string? s)
        && Uri.TryCreate(s, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "tg";
}
