namespace Quiz.Core.Messaging;

/// <summary>
/// A Telegram update id seen by some bot replica. The primary key makes handling at-most-once:
/// a replica claims the id, handles the update and completes it. <see cref="CommittedAt"/> is set
/// in the same transaction as the handler's first effects (<see cref="UpdateCommitInterceptor"/>),
/// so a redelivery knows for certain whether they exist: without, the claim is released and the
/// update handled again; with, it is resumed (<see cref="UpdateClaim.Resume"/>).
/// </summary>
public sealed class ProcessedUpdate
{
    public long UpdateId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The handler's first transaction committed (its effects exist); null while it has changed nothing.</summary>
    public DateTimeOffset? CommittedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
