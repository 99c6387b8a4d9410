namespace Quiz.Core.Messaging;

/// <summary>
/// The inbound update this asynchronous flow is handling, for the two places that must know it
/// without every use-case taking it as a parameter: <see cref="UpdateCommitInterceptor"/> marks the
/// claim in the handler's own transaction, and the use-cases that must not repeat their effects on
/// a redelivery ask <see cref="IsResumed"/> (start a game: continue the open one; answer: the
/// recorded verdict). Set only by the bot's update pipeline; elsewhere (worker, console, tests
/// that call use-cases directly) there is none.
/// </summary>
public sealed class InboundUpdate
{
    private static readonly AsyncLocal<InboundUpdate?> Flow = new();

    private InboundUpdate(long id, bool resumed)
    {
        Id = id;
        Resumed = resumed;
    }

    public long Id { get; }

    /// <summary>A redelivery of an update whose effects were committed before its handling was cut off.</summary>
    public bool Resumed { get; }

    /// <summary>Set after the first commit that marked the claim; later transactions of the same update skip the mark.</summary>
    public bool Committed { get; internal set; }

    /// <summary>
    /// The handler's transaction completed the claim with its effects (the answer update, ADR 0014): the pipeline skips its
    /// own completion. A failure after that reopens the claim when it is given back, so the redelivery resumes.
    /// </summary>
    public bool Completed { get; internal set; }

    private (long Chat, bool Pending)? backlog;

    /// <summary>
    /// The handler's transaction read whether the outbox holds anything pending for <paramref name="chatId"/> (the answer's
    /// commit, ADR 0014): the next reply to that chat takes it instead of asking the database again (the bot's
    /// <c>ChatBacklog</c>). Used once; forgotten when this flow writes to the outbox (<see cref="OutboxWriter"/>).
    /// </summary>
    public void KnowBacklog(long chatId, bool pending) => backlog = (chatId, pending);

    /// <summary>The backlog read by this flow's transaction for <paramref name="chatId"/>, once; null: ask the database.</summary>
    public bool? TakeBacklog(long chatId)
    {
        var known = backlog;
        backlog = null;
        return known is { } k && k.Chat == chatId ? k.Pending : null;
    }

    internal void ForgetBacklog() => backlog = null;

    public static InboundUpdate? Current => Flow.Value;

    /// <summary>True while a redelivered update whose effects exist is handled: continue, do not repeat.</summary>
    public static bool IsResumed => Flow.Value is { Resumed: true };

    /// <summary>Handles <paramref name="id"/> on this flow until the returned scope is disposed.</summary>
    public static IDisposable Begin(long id, bool resumed)
    {
        var previous = Flow.Value;
        Flow.Value = new InboundUpdate(id, resumed);
        return new Scope(previous);
    }

    private sealed class Scope(InboundUpdate? previous) : IDisposable
    {
        public void Dispose() => Flow.Value = previous;
    }
}
