using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.State;

/// <summary>A simulated Telegram user; its private chat with the bot has the same id. Guarded by the world's lock.</summary>
public sealed class SimUser(long id, string firstName, string? username, string? languageCode, int stars)
{
    public long Id { get; } = id;

    public string FirstName { get; } = firstName;

    public string? Username { get; } = username;

    public string? LanguageCode { get; } = languageCode;

    public int Stars { get; set; } = stars;

    public bool Blocked { get; set; }

    public User ToWire() => new(Id, false, FirstName, Username: Username, LanguageCode: LanguageCode);

    public Chat ToChat() => new(Id, "private", FirstName, Username: Username);
}

/// <summary>One message in a private chat as both sides see it. Guarded by the world's lock.</summary>
public sealed class StoredMessage(int messageId, long chatId, bool fromBot, long date)
{
    public int MessageId { get; } = messageId;

    public long ChatId { get; } = chatId;

    public bool FromBot { get; } = fromBot;

    public long Date { get; } = date;

    public long? EditDate { get; set; }

    public string? Text { get; set; }

    public IReadOnlyList<MessageEntity>? Entities { get; set; }

    /// <summary>Inline keyboard in Telegram JSON; part of the message.</summary>
    public System.Text.Json.Nodes.JsonObject? InlineMarkup { get; set; }

    /// <summary>Reply keyboard / remove / force_reply: shown to the user, never echoed in Message.</summary>
    public System.Text.Json.Nodes.JsonObject? ReplyKeyboard { get; set; }

    public InvoiceTerms? Invoice { get; set; }

    public string? PaidChargeId { get; set; }

    public SuccessfulPayment? SuccessfulPayment { get; set; }

    public RefundedPayment? RefundedPayment { get; set; }

    /// <summary>A document the bot sent (sendDocument), with its caption.</summary>
    public StoredDocument? Document { get; set; }

    public string? Caption { get; set; }

    public IReadOnlyList<MessageEntity>? CaptionEntities { get; set; }

    public bool Deleted { get; set; }
}

/// <summary>An uploaded file as the sandbox keeps it: the bytes, so tests and the web UI can read what the bot sent.</summary>
public sealed record StoredDocument(string FileId, string FileUniqueId, string FileName, string? MimeType, byte[] Content)
{
    public Document ToWire() => new(FileId, FileUniqueId, FileName, MimeType, Content.LongLength);
}

/// <summary>What an invoice (message or link) asks for.</summary>
public sealed record InvoiceTerms(
    string Title,
    string Description,
    string Payload,
    string Currency,
    int Amount,
    string StartParameter,
    int? SubscriptionPeriod,
    string? PhotoUrl)
{
    public Invoice ToWire() => new(Title, Description, StartParameter, Currency, Amount);
}
