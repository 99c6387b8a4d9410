using System.ComponentModel.DataAnnotations;

namespace Quiz.Bot.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Bot token <c>123:abc</c>; in every request URL, so never logged.</summary>
    [Required, RegularExpression(@"^\d+:[A-Za-z0-9_-]+$", ErrorMessage = "Telegram:BotToken must look like 123456:ABC-def.")]
    public string BotToken { get; set; } = "";

    /// <summary>Bot API server; null for Telegram itself, the sandbox's URL for local runs.</summary>
    [Url]
    public string? ApiBaseUrl { get; set; }

    /// <summary>Public HTTPS URL of <c>/telegram/webhook</c>; without it the bot uses long polling.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>; required with a webhook.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{16,256}$", ErrorMessage = "Telegram:WebhookSecret must be 16–256 characters of A-Z, a-z, 0-9, _ and -.")]
    public string? WebhookSecret { get; set; }

    [Range(1, 100)]
    public int MaxConnections { get; set; } = 40;

    [Range(1024, 10 * 1024 * 1024)]
    public long MaxWebhookBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Send budget shared by all replicas (Telegram: ≈30/s overall, 1/s per chat, 20/min per group).</summary>
    [Range(1, 30)]
    public double GlobalMessagesPerSecond { get; set; } = 25;

    [Range(0.1, 1)]
    public double ChatMessagesPerSecond { get; set; } = 1;

    /// <summary>
    /// How many messages a private chat may get at once before its 1/s applies: Telegram tolerates short bursts
    /// (the sandbox models 3), so a verdict and the next question, or a reply after a notice, need not wait a second.
    /// </summary>
    [Range(1, 5)]
    public double ChatBurst { get; set; } = 3;

    [Range(1, 20)]
    public double GroupMessagesPerMinute { get; set; } = 18;

    /// <summary>
    /// The most of <see cref="GlobalMessagesPerSecond"/> bulk notices (tournaments, duels …) may use, in percent; they also
    /// take only what replies and payment notices leave (issue #14 item 4). The rest is always free for replies.
    /// </summary>
    [Range(10, 100)]
    public double BulkSharePercent { get; set; } = 80;

    /// <summary>
    /// Bulk notices go out with <c>allow_paid_broadcast</c> (Telegram: up to 1,000/s beyond the free 30/s, 0.1 Star each)
    /// at <see cref="PaidBroadcastMessagesPerSecond"/>, while today's <see cref="PaidBroadcastStarsPerDay"/> lasts; then
    /// at the free rate again. Off by default.
    /// </summary>
    public bool AllowPaidBroadcast { get; set; }

    [Range(1, 1000)]
    public double PaidBroadcastMessagesPerSecond { get; set; } = 100;

    /// <summary>The Stars paid broadcasting may spend per UTC day (counted as 0.1 per message sent with the flag).</summary>
    [Range(0, 1_000_000)]
    public int PaidBroadcastStarsPerDay { get; set; }

    /// <summary>
    /// How long a direct reply may wait for the send budget inside an update's handling (one
    /// chat pause of 1 s fits). A longer wait hands the reply to the outbox, so a webhook request
    /// never sits on the budget and updates behind it — a pre_checkout_query above all — keep moving.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxReplyWaitMs { get; set; } = 1500;

    /// <summary>The same bound for an invoice the player just asked for; only payers' chats wait this long.</summary>
    [Range(0, 10_000)]
    public int MaxInvoiceWaitMs { get; set; } = 8000;

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);
}
