using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.State;

namespace Quiz.TelegramSandbox.Delivery;

/// <summary>
/// Posts pending updates to the webhook like Telegram: per chat strictly one after another (the next
/// waits for a 2xx or for giving up), across chats up to max_connections in parallel, retrying failures
/// with exponential backoff and recording the last error for getWebhookInfo.
/// </summary>
public sealed class WebhookDispatcher(
    UpdateQueue queue,
    WebhookState webhook,
    SandboxSettings settings,
    IHttpClientFactory httpFactory,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string HttpClientName = "webhook";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = queue.Changed.Current;
            var wait = TimeSpan.FromMinutes(1);
            if (webhook.Config is { } config)
            {
                var now = time.GetUtcNow();
                foreach (var update in queue.TakeDeliverable(config.MaxConnections, now))
                {
                    _ = DeliverAsync(update, config, stoppingToken);
                }

                if (queue.NextRetryAt() is { } retryAt)
                {
                    wait = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(1).Ticks, (retryAt - now).Ticks));
                }
            }

            try
            {
                await AsyncSignal.WaitAsync(changed, wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(PendingUpdate update, WebhookConfig config, CancellationToken ct)
    {
        var o = options.Value;
        string? error = null;
        try
        {
            // Forced duplicates: the same update posted N times at once, so tests can prove the bot dedupes.
            var copies = Enumerable.Range(0, settings.DuplicateDeliveries).Select(_ => PostAsync(update, config, ct));
            var outcomes = await Task.WhenAll(copies);
            error = outcomes.Any(e => e is null) ? null : outcomes[0];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            webhook.RecordError(time.GetUtcNow().ToUnixTimeSeconds(), error);
            log.LogInformation("Webhook delivery of update {UpdateId} failed (attempt {Attempt}): {Error}", update.UpdateId, update.Attempts + 1, error);
        }

        var backoff = Math.Min(o.WebhookMaxRetryDelayMs, o.WebhookRetryDelayMs * Math.Pow(2, Math.Min(update.Attempts, 20)));
        queue.Complete(update, error is null, time.GetUtcNow().AddMilliseconds(backoff), o.WebhookMaxAttempts);
    }

    /// <summary>One POST; null on 2xx, otherwise the error text Telegram would show in last_error_message.</summary>
    private async Task<string?> PostAsync(PendingUpdate update, WebhookConfig config, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.WebhookTimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, config.Url)
        {
            Content = new StringContent(update.Body, System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (config.SecretToken is { } secret)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        try
        {
            using var response = await httpFactory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode
                ? null
                : $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "Read timeout expired";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError == HttpRequestError.ConnectionError ? "Connection refused" : e.Message;
        }
    }
}
