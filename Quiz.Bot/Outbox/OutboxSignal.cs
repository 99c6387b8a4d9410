using System.Threading.Channels;

namespace Quiz.Bot.Outbox;

/// <summary>
/// Wakes this replica's idle <see cref="OutboxDispatcher"/> when a reply was just handed to the outbox, so a deferred
/// reply waits only for its chat's budget, not for the next poll. Rows written by other services (or other replicas)
/// are found by the poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => pending.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (pending.Reader.TryRead(out _)) return;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(timeout);
        try
        {
            await pending.Reader.ReadAsync(idle.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
