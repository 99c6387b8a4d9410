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
}
