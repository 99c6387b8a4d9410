namespace Quiz.Bot.RateLimiting;

/// <summary>Which queue a message waits in for the send budget (ADR 0011).</summary>
public enum SendLane
{
    /// <summary>The answer to a player's own action, sent while the update is handled: goes first.</summary>
    Reply,

    /// <summary>Outbox rows (deferred replies, notices of other services) and the slow-down notice: only when no reply wants the budget.</summary>
    Background,
}
