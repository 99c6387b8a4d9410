using Quiz.Core.Messaging;

namespace Quiz.Bot.RateLimiting;

/// <summary>Which queue a message waits in for the send budget (ADR 0011; the outbox's lanes, issue #14 item 4).</summary>
public enum SendLane
{
    /// <summary>The answer to a player's own action — sent while the update is handled, or deferred to the outbox: goes first.</summary>
    Reply,

    /// <summary>Payment notices from the outbox and the slow-down notice: only when no reply wants the budget.</summary>
    Background,

    /// <summary>
    /// Bulk notices (tournaments, duels …): only from a nearly full overall bucket, so they take what the other lanes
    /// leave, and at most <see cref="Telegram.TelegramOptions.BulkSharePercent"/> of the overall rate.
    /// </summary>
    Bulk,
}

public static class SendLanes
{
    /// <summary>The send lane of an outbox row's lane.</summary>
    public static SendLane Of(OutboxLane lane) => lane switch
    {
        OutboxLane.Interactive => SendLane.Reply,
        OutboxLane.Payment => SendLane.Background,
        _ => SendLane.Bulk,
    };
}
