using Quiz.Core.Operations.Machinery;
using Telegram.Bot;

namespace Quiz.Bot.Sending;

public sealed partial class TelegramSender
{
    /// <summary>
    /// getWebhookInfo for the console's Betrieb page (an outbox command): a read, no chat message, so it takes nothing from
    /// the send budget. The URL keeps only scheme, host and port — its path may hold a secret, and the operator needs the host.
    /// </summary>
    public async Task<WebhookInfoSnapshot> WebhookInfoAsync(CancellationToken ct)
    {
        var info = await bot.GetWebhookInfo(ct);
        return new WebhookInfoSnapshot(
            Origin(info.Url), info.PendingUpdateCount, Utc(info.LastErrorDate), info.LastErrorMessage, info.MaxConnections,
            Utc(info.LastSynchronizationErrorDate), info.AllowedUpdates?.Select(u => u.ToString()).ToList());
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;

    /// <summary>Scheme, host and port of a webhook URL; null for none (polling); "?" for one that is not a URL.</summary>
    public static string? Origin(string? url) =>
        string.IsNullOrEmpty(url) ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority)
        : "?";
}
