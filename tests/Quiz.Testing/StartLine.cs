namespace Quiz.Testing;

/// <summary>
/// Lets many async workers start at the same moment without blocking threads (a <see cref="Barrier"/>
/// with 50 parties starves the thread pool on two cores and turns seconds into minutes).
/// </summary>
public sealed class StartLine(int parties)
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrived;

    /// <summary>Completes when all parties have arrived.</summary>
    public Task ArriveAsync()
    {
        if (Interlocked.Increment(ref arrived) == parties) gate.TrySetResult();
        return gate.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs <paramref name="parties"/> workers; each prepares, then all act together.</summary>
    public static Task<T[]> RunAsync<T>(int parties, Func<StartLine, Task<T>> worker)
    {
        var line = new StartLine(parties);
        return Task.WhenAll(Enumerable.Range(0, parties).Select(_ => Task.Run(() => worker(line))));
    }
}
