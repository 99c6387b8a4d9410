using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Control;

// The control API speaks camelCase JSON (ASP.NET Core's web default); nested Telegram objects
// (replyMarkup, invoice, successfulPayment, …) stay in Telegram's own snake_case JSON.

public sealed record CreateUserRequest(string? FirstName, string? Username, string? LanguageCode, int? Stars);

public sealed record CreateUserResponse(long UserId, long ChatId);

public sealed record UserView(long UserId, long ChatId, string FirstName, string? Username, string? LanguageCode, int Stars, bool Blocked);

public sealed record UserMessageRequest(string? Text);

public sealed record UserMessageResponse(int? UpdateId, int MessageId);

public sealed record PressRequest(int MessageId, string? CallbackData, bool Force = false);

public sealed record PressResponse(int? UpdateId, string CallbackQueryId);

public sealed record CallbackView(bool Answered, string? Text, bool ShowAlert);

public sealed record PayRequest(int? MessageId, string? InvoiceSlug);

/// <summary><paramref name="PreCheckoutMs"/>: pre_checkout_query enqueued → answerPreCheckoutQuery; null on timeout or when none was sent.</summary>
public sealed record PayResponse(string Status, string? ErrorMessage, string? TelegramPaymentChargeId, double? PreCheckoutMs = null);

/// <summary>Any charge id of a subscription chain (first payment or a renewal).</summary>
public sealed record SubscriptionRequest(string? ChargeId);

public sealed record SubscriptionView(
    string ChargeId,
    string LastChargeId,
    int Amount,
    string Payload,
    long ExpiresAt,
    bool CanceledByBot,
    bool CanceledByUser,
    int Renewals,
    bool Active);

/// <summary>Status paid | declined | canceled.</summary>
public sealed record RenewResponse(string Status, string? ErrorMessage, string? TelegramPaymentChargeId);

/// <summary>Paid invoices seeded at once (no updates to the bot): a long Star transaction history for reconciliation.</summary>
public sealed record StarHistoryRequest(int Count, int Amount, string? ChargePrefix, string? Payload, long? Date);

/// <summary>Charge ids are <paramref name="ChargePrefix"/> + the number 0000000…, at positions <paramref name="First"/>… of the list.</summary>
public sealed record StarHistoryResponse(int First, int Total, string ChargePrefix);

public sealed record BlockResponse(int? UpdateId, bool Blocked);

public sealed record ChatItem(
    int MessageId,
    bool FromBot,
    string? Text,
    long Date,
    long? EditDate,
    JsonObject? ReplyMarkup,
    JsonObject? Invoice,
    JsonObject? SuccessfulPayment,
    JsonObject? RefundedPayment,
    JsonArray? Entities,
    JsonObject? ReplyKeyboard,
    bool Paid,
    JsonObject? Document = null,
    string? Caption = null);

public sealed record CallView(
    long Seq,
    string Method,
    JsonElement Parameters,
    int Status,
    bool Ok,
    int? ErrorCode,
    string? Description,
    DateTimeOffset At);

public sealed record SettingsDto(bool? RateLimits, int? DuplicateDeliveries);

/// <summary>Paid broadcasting so far: messages sent with allow_paid_broadcast and the Stars charged for them (0.1 each).</summary>
public sealed record PaidBroadcastView(long Messages, decimal Stars);

public sealed record BotView(long Id, string FirstName, string? Username, JsonNode? Commands, string? WebhookUrl);

public sealed record RawUpdateResponse(int UpdateId);

/// <summary>What Telegram answers after "Bad Request: ", e.g. <c>REFUND_PERIOD_EXPIRED</c>.</summary>
public sealed record RefundRefusalRequest(string? Description);

public sealed record ControlError(string Error);

/// <summary>A refusal of the control API (not of the Bot API): turned into {"error": …} with the status.</summary>
public sealed class ControlProblem(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ControlProblem BadRequest(string message) => new(400, message);

    public static ControlProblem NotFound(string message) => new(404, message);
}
