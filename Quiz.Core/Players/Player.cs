namespace Quiz.Core.Players;

/// <summary>A Telegram user who has talked to the bot.</summary>
public sealed class Player
{
    public long Id { get; set; }
    public long TelegramUserId { get; set; }
    public string FirstName { get; set; } = "";
    public string? Username { get; set; }
    public string? LanguageCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set when Telegram reports the player blocked the bot; nothing is sent to them then.</summary>
    public DateTimeOffset? BlockedBotAt { get; set; }

    public DateTimeOffset? BannedAt { get; set; }
    public string? BanReason { get; set; }

    /// <summary>
    /// Set when the player deleted their account (Privacy's PlayerDeletion): the row stays as a
    /// tombstone for the kept purchases and ledger, without name, username, language or Telegram link.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The token of the pending <c>/loeschen</c> confirmation button; null when none is pending.</summary>
    public string? DeletionToken { get; set; }
    public DateTimeOffset? DeletionTokenExpiresAt { get; set; }
}
