namespace Quiz.TelegramSandbox.BotApi;

/// <summary>
/// Every refusal text in one place. Texts are Telegram's where they are known from its answers;
/// the others follow Telegram's style (upper-case RPC codes after "Bad Request: ").
/// </summary>
public static class ErrorTexts
{
    public static BotApiException Unauthorized() => new(401, "Unauthorized");

    public static BotApiException NotFound() => new(404, "Not Found");

    public static BotApiException Missing(string parameter) => parameter switch
    {
        "text" => BotApiException.BadRequest("message text is empty"),
        "chat_id" => BotApiException.BadRequest("chat_id is empty"),
        "message_id" => BotApiException.BadRequest("message identifier is not specified"),
        "callback_query_id" or "pre_checkout_query_id" => QueryTooOld(),
        "title" => BotApiException.BadRequest("TITLE_INVALID"),
        "description" => BotApiException.BadRequest("DESCRIPTION_INVALID"),
        "payload" => BotApiException.BadRequest("INVOICE_PAYLOAD_INVALID"),
        "currency" => BotApiException.BadRequest("CURRENCY_INVALID"),
        "prices" => BotApiException.BadRequest("STARS_INVOICE_INVALID"),
        "telegram_payment_charge_id" => BotApiException.BadRequest("CHARGE_ID_EMPTY"),
        "user_id" => BotApiException.BadRequest("USER_ID_INVALID"),
        "action" => BotApiException.BadRequest("wrong parameter action in request"),
        _ => BotApiException.BadRequest($"parameter \"{parameter}\" is required"),
    };

    public static BotApiException Invalid(string parameter) =>
        BotApiException.BadRequest($"invalid parameter \"{parameter}\" in request");

    public static BotApiException ChatNotFound() => BotApiException.BadRequest("chat not found");

    public static BotApiException Blocked() => new(403, "Forbidden: bot was blocked by the user");

    public static BotApiException MessageTooLong() => BotApiException.BadRequest("message is too long");

    public static BotApiException TextEmpty() => BotApiException.BadRequest("message text is empty");

    public static BotApiException CantParseEntities(string detail) =>
        BotApiException.BadRequest("can't parse entities: " + detail);

    public static BotApiException UnsupportedParseMode() => BotApiException.BadRequest("unsupported parse_mode");

    public static BotApiException ButtonDataInvalid() => BotApiException.BadRequest("BUTTON_DATA_INVALID");

    public static BotApiException ButtonUrlInvalid() => BotApiException.BadRequest("BUTTON_URL_INVALID");

    public static BotApiException TooManyButtons() => BotApiException.BadRequest("too many buttons");

    public static BotApiException ReplyMarkupInvalid() =>
        BotApiException.BadRequest("can't parse reply keyboard markup JSON object");

    public static BotApiException InlineKeyboardExpected() => BotApiException.BadRequest("inline keyboard expected");

    public static BotApiException ButtonInvalid(string detail) =>
        BotApiException.BadRequest("can't parse inline keyboard button: " + detail);

    public static BotApiException TextButtonsUnallowed() => ButtonInvalid("Text buttons are unallowed in the inline keyboard");

    public static BotApiException NotModified() => BotApiException.BadRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    public static BotApiException MessageToEditNotFound() => BotApiException.BadRequest("message to edit not found");

    public static BotApiException MessageCantBeEdited() => BotApiException.BadRequest("message can't be edited");

    public static BotApiException NoTextToEdit() => BotApiException.BadRequest("there is no text in the message to edit");

    public static BotApiException MessageToDeleteNotFound() => BotApiException.BadRequest("message to delete not found");

    public static BotApiException MessageCantBeDeleted() => BotApiException.BadRequest("message can't be deleted for everyone");

    public static BotApiException QueryTooOld() =>
        BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");

    public static BotApiException TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static BotApiException GetUpdatesWhileWebhook() => new(409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

    public static BotApiException TerminatedByOtherGetUpdates() => new(409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");

    public static BotApiException BadWebhook(string detail) => BotApiException.BadRequest("bad webhook: " + detail);

    public static BotApiException SecretTokenInvalid() =>
        BotApiException.BadRequest("secret token contains unallowed characters");

    /// <summary>
    /// editUserStarSubscription on a charge that starts no subscription (a one-off invoice payment).
    /// Telegram's Bot API text is not documented; this follows its RPC style.
    /// </summary>
    public static BotApiException NotASubscription() => BotApiException.BadRequest("SUBSCRIPTION_NOT_ACTIVE");

    public static BotApiException Rpc(string code) => BotApiException.BadRequest(code);
}
