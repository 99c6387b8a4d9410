namespace Quiz.Core.Players;

/// <summary>A Telegram user who has talked to the bot.</summary>
public sealed class Player
{
    /// <summary>The longest ban or hold reason kept on the row (the audit entry keeps up to <c>AuditLog.MaxDetails</c>).</summary>
    public const int MaxModerationReason = 500;

    public long Id { get; set; }
    public long TelegramUserId { get; set; }
    public string FirstName { get; set; } = "";
    public string? Username { get; set; }
    public string? LanguageCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set when Telegram reports the player blocked the bot; nothing is sent to them then.</summary>
    public DateTimeOffset? BlockedBotAt { get; set; }

    /// <summary>Set by a moderator (AntiCheat's PlayerModeration): the player may not play, buy or rank.</summary>
    public DateTimeOffset? BannedAt { get; set; }
    public string? BanReason { get; set; }

    /// <summary>When the last ban notice went out; claimed atomically so replicas send at most one a day.</summary>
    public DateTimeOffset? BanNoticeAt { get; set; }

    /// <summary>Set while the player is held out of leaderboards and tournament rankings until reviewed.</summary>
    public DateTimeOffset? RankingHeldAt { get; set; }
    public string? RankingHoldReason { get; set; }

    /// <summary>
    /// Set when the player deleted their account (Privacy's PlayerDeletion): the row stays as a
    /// tombstone for the kept purchases and ledger, without name, username, language or Telegram link.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The token of the pending <c>/loeschen</c> confirmation button; null when none is pending.</summary>
    public string? DeletionToken { get; set; }
    public DateTimeOffset? DeletionTokenExpiresAt { get; set; }
}
