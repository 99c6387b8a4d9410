using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>getUpdates and the webhook methods.</summary>
public sealed partial class UpdateMethods(UpdateQueue queue, WebhookState webhook, TimeProvider time) : IBotMethodGroup
{
    private const int MaxPollSeconds = 50;
    private long _pollGeneration;

    public void Register(BotMethodRouter router)
    {
        router.Map("getUpdates", GetUpdatesAsync);
        router.Map("setWebhook", SetWebhook);
        router.Map("deleteWebhook", DeleteWebhook);
        router.Map("getWebhookInfo", _ => GetWebhookInfo());
    }

    private async Task<BotResult> GetUpdatesAsync(BotParameters p, CancellationToken ct)
    {
        if (webhook.Config is not null)
        {
            throw ErrorTexts.GetUpdatesWhileWebhook();
        }

        var offset = p.Long("offset") ?? 0;
        var limit = Math.Clamp(p.Int("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(p.Int("timeout") ?? 0, 0, MaxPollSeconds));
        queue.SetAllowedUpdates(ReadAllowedUpdates(p));

        // A newer getUpdates ends the one still waiting, as Telegram does with two bot instances.
        var generation = Interlocked.Increment(ref _pollGeneration);
        queue.Changed.Notify();
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var changed = queue.Changed.Current;
            if (Interlocked.Read(ref _pollGeneration) != generation)
            {
                throw ErrorTexts.TerminatedByOtherGetUpdates();
            }

            if (webhook.Config is not null)
            {
                throw ErrorTexts.GetUpdatesWhileWebhook();
            }

            var updates = queue.Read(offset, limit);
            var left = deadline - time.GetUtcNow();
            if (updates.Count > 0 || left <= TimeSpan.Zero)
            {
                return new BotResult(new JsonArray([.. updates]));
            }

            await AsyncSignal.WaitAsync(changed, left, time, ct);
        }
    }

    private BotResult SetWebhook(BotParameters p)
    {
        var url = p.String("url")!;
        if (url.Length == 0)
        {
            return DeleteWebhook(p);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            // Telegram insists on HTTPS; the sandbox also takes http so that a local bot can receive updates.
            throw ErrorTexts.BadWebhook("An HTTPS URL must be provided for webhook");
        }

        var maxConnections = p.Int("max_connections") ?? 40;
        if (maxConnections is < 1 or > 100)
        {
            throw ErrorTexts.Invalid("max_connections");
        }

        var secret = p.String("secret_token");
        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            throw ErrorTexts.SecretTokenInvalid();
        }

        var allowed = ReadAllowedUpdates(p);
        if (p.Bool("drop_pending_updates") == true)
        {
            queue.Clear();
        }

        var previous = webhook.Config;
        var config = new WebhookConfig(url, secret, maxConnections);
        webhook.Set(config);
        queue.SetAllowedUpdates(allowed);
        queue.Changed.Notify();
        return BotResult.True(previous == config ? "Webhook is already set" : "Webhook was set");
    }

    private BotResult DeleteWebhook(BotParameters p)
    {
        if (p.Bool("drop_pending_updates") == true)
        {
            queue.Clear();
        }

        var wasSet = webhook.Config is not null;
        webhook.Set(null);
        queue.Changed.Notify();
        return BotResult.True(wasSet ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private BotResult GetWebhookInfo()
    {
        var config = webhook.Config;
        var (errorDate, errorMessage) = webhook.LastError;
        return BotResult.Of(new WebhookInfo(
            config?.Url ?? "", false, queue.PendingCount, errorDate, errorMessage, config?.MaxConnections,
            config is null ? null : queue.AllowedUpdates));
    }

    private static List<string>? ReadAllowedUpdates(BotParameters p)
    {
        var node = p.Json("allowed_updates");
        if (node is null)
        {
            return null;
        }

        return node is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue(out string? _))
            ? [.. array.Select(n => n!.GetValue<string>())]
            : throw ErrorTexts.Invalid("allowed_updates");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
