using System.Diagnostics.Metrics;

namespace Quiz.Bot;

/// <summary>The bot's one meter (<c>Quiz.Bot</c>), made by the host's <see cref="IMeterFactory"/>, and its instruments.</summary>
public sealed class BotMetrics
{
    public const string MeterName = "Quiz.Bot";

    private readonly Counter<long> updates;
    private readonly Counter<long> outbox;
    private readonly Counter<long> deferred;
    private readonly Counter<long> limiterDegraded;
    private readonly Counter<long> limiterWaits;
    private readonly Counter<long> throttled;
    private readonly Histogram<double> webhook;
    private readonly Counter<long> paymentFailures;
    private readonly Counter<long> paidBroadcasts;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        updates = meter.CreateCounter<long>("quiz.bot.updates", description: "Telegram updates by outcome");
        outbox = meter.CreateCounter<long>("quiz.bot.outbox.messages", description: "Outbox messages by outcome");
        deferred = meter.CreateCounter<long>("quiz.bot.replies.deferred", description: "Direct replies moved to the outbox");
        limiterDegraded = meter.CreateCounter<long>("quiz.bot.ratelimit.degraded", description: "Send budget checks that fell back to the local limiter");
        limiterWaits = meter.CreateCounter<long>("quiz.bot.ratelimit.waits", description: "Sends that waited for the send budget");
        throttled = meter.CreateCounter<long>("quiz.bot.inbound.throttled", description: "Updates not handled because the player was over an inbound budget, by kind");
        webhook = meter.CreateHistogram("quiz.bot.webhook.duration", unit: "s", description: "Time to answer a webhook delivery, by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        paidBroadcasts = meter.CreateCounter<long>("quiz.bot.paid_broadcasts", description: "Bulk notices sent with allow_paid_broadcast (0.1 Star each)");
        paymentFailures = meter.CreateCounter<long>("quiz.bot.payments.failed", description: "Payments that could not be handled, by stage (pre_checkout, confirmation)");

        // The alert looks at increase(): the series exist at 0, so the very first failure is seen.
        foreach (var stage in PaymentStages.All) paymentFailures.Add(0, new KeyValuePair<string, object?>("stage", stage));
    }

    public void WebhookHandled(string outcome, TimeSpan elapsed) => webhook.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void PaymentFailed(string stage) => paymentFailures.Add(1, new KeyValuePair<string, object?>("stage", stage));

    public void UpdateThrottled(string kind) => throttled.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void UpdateHandled(string outcome) => updates.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void OutboxMessage(string outcome) => outbox.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ReplyDeferred() => deferred.Add(1);

    public void PaidBroadcast() => paidBroadcasts.Add(1);

    public void LimiterDegraded() => limiterDegraded.Add(1);

    public void LimiterWaited() => limiterWaits.Add(1);
}

/// <summary>Where a payment can fail: answering the pre-checkout query, or recording a successful_payment.</summary>
public static class PaymentStages
{
    public const string PreCheckout = "pre_checkout";
    public const string Confirmation = "confirmation";
    public static readonly string[] All = [PreCheckout, Confirmation];
}
