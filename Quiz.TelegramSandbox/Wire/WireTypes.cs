using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Wire;

// Hand-written subsets of the Bot API 10.1 types (docs/telegram/bot-api-spec.json). Optional booleans
// are nullable so that "false" is simply absent, as Telegram sends it.

public sealed record User(
    long Id,
    bool IsBot,
    string FirstName,
    string? LastName = null,
    string? Username = null,
    string? LanguageCode = null,
    bool? CanJoinGroups = null,
    bool? CanReadAllGroupMessages = null,
    bool? SupportsInlineQueries = null,
    bool? CanConnectToBusiness = null,
    bool? HasMainWebApp = null);

public sealed record Chat(long Id, string Type, string? FirstName = null, string? LastName = null, string? Username = null);

public sealed record MessageEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null);

public sealed record Invoice(string Title, string Description, string StartParameter, string Currency, int TotalAmount);

public sealed record SuccessfulPayment(
    string Currency,
    int TotalAmount,
    string InvoicePayload,
    string TelegramPaymentChargeId,
    string ProviderPaymentChargeId,
    long? SubscriptionExpirationDate = null,
    bool? IsRecurring = null,
    bool? IsFirstRecurring = null);

public sealed record RefundedPayment(
    string Currency,
    int TotalAmount,
    string InvoicePayload,
    string TelegramPaymentChargeId,
    string? ProviderPaymentChargeId = null);

public sealed record Message(
    int MessageId,
    User? From,
    Chat Chat,
    long Date,
    long? EditDate = null,
    string? Text = null,
    IReadOnlyList<MessageEntity>? Entities = null,
    Invoice? Invoice = null,
    SuccessfulPayment? SuccessfulPayment = null,
    RefundedPayment? RefundedPayment = null,
    JsonObject? ReplyMarkup = null,
    Document? Document = null,
    string? Caption = null,
    IReadOnlyList<MessageEntity>? CaptionEntities = null);

public sealed record Document(string FileId, string FileUniqueId, string? FileName = null, string? MimeType = null, long? FileSize = null);

public sealed record CallbackQuery(string Id, User From, Message? Message, string ChatInstance, string? Data);

public sealed record PreCheckoutQuery(string Id, User From, string Currency, int TotalAmount, string InvoicePayload);

/// <summary>ChatMemberMember ("member") or ChatMemberBanned ("kicked") — the two states a private chat knows.</summary>
public sealed record ChatMember(string Status, User User, long? UntilDate = null);

public sealed record ChatMemberUpdated(Chat Chat, User From, long Date, ChatMember OldChatMember, ChatMember NewChatMember);

public sealed record Update(
    int UpdateId,
    Message? Message = null,
    CallbackQuery? CallbackQuery = null,
    PreCheckoutQuery? PreCheckoutQuery = null,
    ChatMemberUpdated? MyChatMember = null);

public sealed record WebhookInfo(
    string Url,
    bool HasCustomCertificate,
    int PendingUpdateCount,
    long? LastErrorDate = null,
    string? LastErrorMessage = null,
    int? MaxConnections = null,
    IReadOnlyList<string>? AllowedUpdates = null);

public sealed record BotCommand(string Command, string Description);

public sealed record TransactionPartnerUser(
    string Type,
    string TransactionType,
    User User,
    string? InvoicePayload = null,
    int? SubscriptionPeriod = null);

public sealed record StarTransaction(
    string Id,
    int Amount,
    long Date,
    TransactionPartnerUser? Source = null,
    TransactionPartnerUser? Receiver = null);

public sealed record StarTransactions(IReadOnlyList<StarTransaction> Transactions);

/// <summary>The envelope of every Bot API answer.</summary>
public sealed record ApiResponse(
    bool Ok,
    JsonNode? Result = null,
    int? ErrorCode = null,
    string? Description = null,
    ResponseParameters? Parameters = null);

public sealed record ResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);

/// <summary>Telegram's update types as the names used in allowed_updates.</summary>
public static class UpdateTypes
{
    /// <summary>What Telegram delivers when allowed_updates is empty or was never set.</summary>
    public static readonly IReadOnlySet<string> NotByDefault =
        new HashSet<string>(StringComparer.Ordinal) { "chat_member", "message_reaction", "message_reaction_count" };
}
