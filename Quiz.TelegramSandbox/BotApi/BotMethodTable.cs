namespace Quiz.TelegramSandbox.BotApi;

/// <summary>
/// A parameter a handler reads. <paramref name="AllowEmpty"/>: an empty string counts as given (setWebhook url).
/// <paramref name="AbsentIsFalse"/>: a Boolean the spec marks required that Telegram reads as false when absent —
/// clients such as Telegram.Bot leave false Booleans out (editUserStarSubscription is_canceled=false).
/// </summary>
public sealed record BotParameter(string Name, bool Required = false, bool AllowEmpty = false, bool AbsentIsFalse = false);

public sealed record BotMethod(string Name, IReadOnlyList<BotParameter> Parameters)
{
    /// <summary>The parameters whose absence is refused.</summary>
    public IEnumerable<BotParameter> Required => Parameters.Where(p => p.Required && !p.AbsentIsFalse);

    public bool Declares(string name) => Parameters.Any(p => p.Name == name);
}

/// <summary>
/// The methods the sandbox serves and every parameter each one reads. Handlers can only read what is
/// declared here (<see cref="BotParameters"/> enforces it), so the spec-conformance test can check
/// this table against docs/telegram/bot-api-spec.json. Parameters not listed are accepted and ignored,
/// as Telegram ignores unknown ones.
/// </summary>
public static class BotMethodTable
{
    private static BotParameter R(string name) => new(name, Required: true);

    private static BotParameter O(string name) => new(name);

    public static readonly IReadOnlyList<BotMethod> All =
    [
        new("getMe", []),
        new("getUpdates", [O("offset"), O("limit"), O("timeout"), O("allowed_updates")]),
        new("setWebhook", [new("url", Required: true, AllowEmpty: true), O("max_connections"), O("allowed_updates"), O("drop_pending_updates"), O("secret_token")]),
        new("deleteWebhook", [O("drop_pending_updates")]),
        new("getWebhookInfo", []),
        new("setMyCommands", [R("commands"), O("scope"), O("language_code")]),
        new("getMyCommands", [O("scope"), O("language_code")]),
        new("deleteMyCommands", [O("scope"), O("language_code")]),
        new("sendMessage", [R("chat_id"), R("text"), O("parse_mode"), O("entities"), O("reply_markup"), O("allow_paid_broadcast")]),
        new("sendDocument", [R("chat_id"), R("document"), O("caption"), O("parse_mode"), O("caption_entities"), O("reply_markup")]),
        new("editMessageText", [O("chat_id"), O("message_id"), O("inline_message_id"), O("text"), O("parse_mode"), O("entities"), O("reply_markup")]),
        new("editMessageReplyMarkup", [O("chat_id"), O("message_id"), O("inline_message_id"), O("reply_markup")]),
        new("deleteMessage", [R("chat_id"), R("message_id")]),
        new("sendChatAction", [R("chat_id"), R("action")]),
        new("answerCallbackQuery", [R("callback_query_id"), O("text"), O("show_alert"), O("url"), O("cache_time")]),
        new("sendInvoice", [R("chat_id"), R("title"), R("description"), R("payload"), O("provider_token"), R("currency"), R("prices"),
            O("max_tip_amount"), O("start_parameter"), O("photo_url"), O("reply_markup")]),
        new("createInvoiceLink", [R("title"), R("description"), R("payload"), O("provider_token"), R("currency"), R("prices"),
            O("subscription_period"), O("max_tip_amount"), O("photo_url")]),
        new("answerPreCheckoutQuery", [R("pre_checkout_query_id"), R("ok"), O("error_message")]),
        new("refundStarPayment", [R("user_id"), R("telegram_payment_charge_id")]),
        new("editUserStarSubscription", [R("user_id"), R("telegram_payment_charge_id"), new("is_canceled", Required: true, AbsentIsFalse: true)]),
        new("getStarTransactions", [O("offset"), O("limit")]),
    ];

    private static readonly Dictionary<string, BotMethod> ByName =
        All.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Telegram matches method names case-insensitively.</summary>
    public static BotMethod? Find(string name) => ByName.GetValueOrDefault(name);
}
