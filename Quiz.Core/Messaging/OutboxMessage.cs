namespace Quiz.Core.Messaging;

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
    Dead,
}

/// <summary>
/// Work for the bot layer written in the same transaction as the change that caused it: a notice
/// to a player or a command (refund, reconciliation) that only the bot, holding the token, may run.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What to do, e.g. <c>send_message</c>; the dispatcher owns the list of kinds.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The queue it waits in, set from <see cref="Kind"/> by <see cref="OutboxLanes.Of"/> when it is written.</summary>
    public OutboxLane Lane { get; set; }

    /// <summary>Target chat for messages; null for commands without a chat.</summary>
    public long? ChatId { get; set; }

    /// <summary>JSON document with the kind's arguments.</summary>
    public string Payload { get; set; } = "{}";
    public OutboxState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>Optional key that makes enqueueing the same notice twice a no-op.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>A dispatcher's lease on the row while it talks to Telegram.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }

    /// <summary>Outcome recorded by the dispatcher, e.g. the Telegram message id.</summary>
    public string? Result { get; set; }
}
