namespace Quiz.TelegramSandbox.State;

/// <summary>
/// Wakes every waiter when something changed; waiters then re-check their condition. Take
/// <see cref="Current"/> before checking, so that a change between check and wait is not lost.
/// </summary>
public sealed class AsyncSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Current => Volatile.Read(ref _changed).Task;

    public void Notify() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns when <paramref name="changed"/> completed, the timeout passed (on <paramref name="time"/>) or on cancellation.</summary>
    public static async Task WaitAsync(Task changed, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (timeout <= TimeSpan.Zero || changed.IsCompleted)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(changed, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }
}
