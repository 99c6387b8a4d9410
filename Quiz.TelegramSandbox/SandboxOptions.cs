using System.ComponentModel.DataAnnotations;

namespace Quiz.TelegramSandbox;

/// <summary>Configuration section "Sandbox".</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>The only token the sandbox accepts; the bot id is the number before the colon.</summary>
    [Required, RegularExpression(@"^\d{1,19}:[A-Za-z0-9_-]+$")]
    public string BotToken { get; set; } = "123456:sandbox-token-for-local-runs";

    /// <summary>Telegram's send limits (429 with retry_after); tests may switch them off.</summary>
    public bool RateLimits { get; set; } = true;

    [Range(1, 100)]
    public int PrivateChatBurst { get; set; } = 3;

    [Range(0.01, 1000)]
    public double PrivateChatPerSecond { get; set; } = 1;

    [Range(1, 10000)]
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages per second with <c>allow_paid_broadcast</c> (Telegram: up to 1,000, 0.1 Star each).</summary>
    [Range(1, 10000)]
    public int PaidBroadcastPerSecond { get; set; } = 1000;

    [Range(1, 1000)]
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>How long a callback query can be answered (Telegram's clients give up after a few seconds).</summary>
    [Range(1, 3600)]
    public int CallbackAnswerSeconds { get; set; } = 15;

    /// <summary>Telegram's documented pre-checkout answer window.</summary>
    [Range(1, 3600)]
    public int PreCheckoutAnswerSeconds { get; set; } = 10;

    /// <summary>Stars every new simulated user starts with.</summary>
    [Range(0, 1_000_000)]
    public int InitialStars { get; set; } = 1000;

    [Range(1, 600)]
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>First retry delay; doubles per failed attempt up to <see cref="WebhookMaxRetryDelayMs"/>.</summary>
    [Range(1, 600_000)]
    public int WebhookRetryDelayMs { get; set; } = 500;

    [Range(1, 3_600_000)]
    public int WebhookMaxRetryDelayMs { get; set; } = 30_000;

    /// <summary>Attempts per update before the sandbox gives up on it, as Telegram eventually does.</summary>
    [Range(1, 1000)]
    public int WebhookMaxAttempts { get; set; } = 12;

    public long BotId => long.Parse(BotToken.AsSpan(0, BotToken.IndexOf(':')), System.Globalization.CultureInfo.InvariantCulture);
}
