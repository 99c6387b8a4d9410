using System.ComponentModel.DataAnnotations;

namespace Quiz.Admin.Operations;

/// <summary>
/// Section <c>Admin:Betrieb</c>: where the Betrieb page finds the other services' <c>/ready</c> (the compose deployment's
/// service names by default; the app model sets the addresses it gave them) and the send budget's buckets in Redis. The
/// rates are the bot's <c>Telegram:*</c> defaults; set them alike when the bot's differ.
/// </summary>
public sealed class MachineryOptions
{
    public const string Section = "Admin:Betrieb";

    [Required, Url]
    public string BotReadyUrl { get; set; } = "http://bot:8080/ready";

    [Required, Url]
    public string WorkerReadyUrl { get; set; } = "http://worker:8080/ready";

    [Range(1, 30)]
    public int ProbeTimeoutSeconds { get; set; } = 3;

    /// <summary>The bot's <c>Telegram:GlobalMessagesPerSecond</c>.</summary>
    [Range(0.1, 30)]
    public double GlobalMessagesPerSecond { get; set; } = 25;

    /// <summary>The bot's <c>Telegram:ChatMessagesPerSecond</c>.</summary>
    [Range(0.01, 30)]
    public double ChatMessagesPerSecond { get; set; } = 1;

    /// <summary>The bot's send limiter's key prefix (<c>RedisTelegramRateLimiter.KeyPrefix</c>).</summary>
    [Required]
    public string SendLimiterKeyPrefix { get; set; } = "tg:rl";

    /// <summary>At most this many chat buckets are looked at (a bounded SCAN).</summary>
    [Range(100, 1_000_000)]
    public int ChatScanLimit { get; set; } = 20_000;
}
