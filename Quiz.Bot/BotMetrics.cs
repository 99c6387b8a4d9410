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

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        updates = meter.CreateCounter<long>("quiz.bot.updates", description: "Telegram updates by outcome");
        outbox = meter.CreateCounter<long>("quiz.bot.outbox.messages", description: "Outbox messages by outcome");
        deferred = meter.CreateCounter<long>("quiz.bot.replies.deferred", description: "Direct replies moved to the outbox");
        limiterDegraded = meter.CreateCounter<long>("quiz.bot.ratelimit.degraded", description: "Send budget checks that fell back to the local limiter");
        limiterWaits = meter.CreateCounter<long>("quiz.bot.ratelimit.waits", description: "Sends that waited for the send budget");
        throttled = meter.CreateCounter<long>("quiz.bot.inbound.throttled", description: "Updates not handled because the player was over an inbound budget, by kind");
    }

    public void UpdateThrottled(string kind) => throttled.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void UpdateHandled(string outcome) => updates.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void OutboxMessage(string outcome) => outbox.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ReplyDeferred() => deferred.Add(1);

    public void LimiterDegraded() => limiterDegraded.Add(1);

    public void LimiterWaited() => limiterWaits.Add(1);
}
