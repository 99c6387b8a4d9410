namespace Quiz.Core.Messaging;

/// <summary>
/// A Telegram update id seen by some bot replica. The primary key makes handling at-most-once:
/// a replica claims the id, handles the update and completes it; on an infrastructure failure it
/// releases the claim so that Telegram's redelivery is handled again.
/// </summary>
public sealed class ProcessedUpdate
{
    public long UpdateId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
