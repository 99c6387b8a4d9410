namespace Quiz.Core.Messaging;

/// <summary>What an outbox row asks the bot layer to do. The dispatcher executes each kind.</summary>
public static class OutboxKinds
{
    public const string SendMessage = "send_message";
    public const string EditMessage = "edit_message";
    public const string DeleteMessage = "delete_message";

    /// <summary>A Stars invoice the player asked for that could not go out at once (payload: <see cref="SendInvoicePayload"/>).</summary>
    public const string SendInvoice = "send_invoice";

    /// <summary>A player notice whose German text the bot layer renders (see <see cref="NoticePayload"/>).</summary>
    public const string Notice = "notice";

    /// <summary>A refund the bot layer executes with refundStarPayment (payload: the economy's RefundCommand).</summary>
    public const string RefundStarPayment = "refund_star_payment";

    /// <summary>The bot layer pages through getStarTransactions for a reconciliation run (payload: ReconcileCommand).</summary>
    public const string ReconcileStarTransactions = "reconcile_star_transactions";

    /// <summary>Stops a subscription's renewal with editUserStarSubscription before its player is deleted (payload: CancelSubscriptionCommand).</summary>
    public const string CancelStarSubscription = "cancel_star_subscription";

    /// <summary>The console asks the bot for getWebhookInfo; the bot stores Telegram's answer as the row's result (payload: WebhookInfoCommand).</summary>
    public const string GetWebhookInfo = "get_webhook_info";

    /// <summary>One player's copy of an operator's announcement (payload: <see cref="AnnouncementPayload"/>); the bot reads its text when it sends.</summary>
    public const string Announcement = "announcement";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        SendMessage, EditMessage, DeleteMessage, SendInvoice, Notice, RefundStarPayment, ReconcileStarTransactions, CancelStarSubscription,
        GetWebhookInfo, Announcement,
    };
}

/// <summary>An inline button: exactly one of callback data (≤ 64 bytes) or URL.</summary>
public sealed record MessageButton(string Text, string? CallbackData = null, string? Url = null);

/// <summary>
/// Payload of <see cref="OutboxKinds.SendMessage"/>; text is HTML as Telegram parses it.
/// <see cref="Question"/>: the message shows that game question, so its id is recorded once sent.
/// </summary>
public sealed record SendMessagePayload(string Text, IReadOnlyList<IReadOnlyList<MessageButton>>? Buttons = null, QuestionRef? Question = null);

/// <summary>A session's n-th question, for recording the Telegram message that shows it.</summary>
public sealed record QuestionRef(Guid SessionId, int Ordinal);

/// <summary>Payload of <see cref="OutboxKinds.EditMessage"/>.</summary>
public sealed record EditMessagePayload(long MessageId, string Text, IReadOnlyList<IReadOnlyList<MessageButton>>? Buttons = null);

/// <summary>Payload of <see cref="OutboxKinds.SendInvoice"/>: one price in <see cref="Currency"/> (Telegram Stars).</summary>
public sealed record SendInvoicePayload(string Title, string Description, string Payload, int PriceStars, string Currency = "XTR");

/// <summary>Payload of <see cref="OutboxKinds.Announcement"/>: the announcement by reference (its text is read when sent, so a cancel still stops it).</summary>
public sealed record AnnouncementPayload(Guid AnnouncementId);

/// <summary>Payload of <see cref="OutboxKinds.DeleteMessage"/>.</summary>
public sealed record DeleteMessagePayload(long MessageId);

/// <summary>
/// Payload of <see cref="OutboxKinds.Notice"/>: what happened, by reference. Core stays free of
/// player-facing text; the bot renders the German message from the current data when it sends.
/// <see cref="Place"/>: a tournament result notice carries the player's place, written for all
/// entrants from one ranking read (ADR 0015), so rendering it reads no ranking.
/// </summary>
public sealed record NoticePayload(string Topic, Guid? SessionId = null, int? Ordinal = null, Guid? SubjectId = null, NoticePlace? Place = null);

/// <summary>A place in a final ranking of <see cref="Ranked"/> players; <see cref="Rank"/> null: not placed (no answer, or out of the ranking).</summary>
public sealed record NoticePlace(int Ranked, int? Rank = null, int Points = 0, int CorrectAnswers = 0, string? Reward = null);
