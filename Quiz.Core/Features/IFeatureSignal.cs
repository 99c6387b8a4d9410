namespace Quiz.Core.Features;

/// <summary>Tells every replica that the switches changed, so they reload at once instead of at their next periodic read.</summary>
public interface IFeatureSignal
{
    Task PublishAsync(CancellationToken ct);

    /// <summary>Calls <paramref name="changed"/> on every signal until the returned handle is disposed.</summary>
    Task<IAsyncDisposable> SubscribeAsync(Action changed, CancellationToken ct);
}

/// <summary>Without Redis (the migrator, tests of Core alone): replicas rely on their periodic read.</summary>
public sealed class NoFeatureSignal : IFeatureSignal, IAsyncDisposable
{
    public Task PublishAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<IAsyncDisposable> SubscribeAsync(Action changed, CancellationToken ct) => Task.FromResult<IAsyncDisposable>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
