using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Quiz.Core.Features;

/// <summary>
/// Keeps this replica's <see cref="FeatureSnapshot"/> current: one read at start (before updates are handled), then a
/// read on every change signal and every <see cref="FeatureOptions.ReloadSeconds"/> as the fallback. A failed read keeps
/// the last known switches.
/// </summary>
public sealed partial class FeatureRefresher(
    FeatureSnapshot snapshot, IFeatureSignal signal, IOptions<FeatureOptions> options, ILogger<FeatureRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan StartReadLimit = TimeSpan.FromSeconds(10);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartReadLimit);
        if (!await RefreshAsync(limit.Token)) LogStartWithoutRead(snapshot.Current.ToString());
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = await SubscribeAsync(stoppingToken);
        try
        {
            // A change made between the start's read and the subscription sent its signal to nobody: read once more now
            // that every later change signals, instead of missing it until the periodic read.
            if (subscription is not null) await RefreshAsync(stoppingToken);
            var interval = TimeSpan.FromSeconds(options.Value.ReloadSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitAsync(interval, stoppingToken);
                if (!stoppingToken.IsCancellationRequested) await RefreshAsync(stoppingToken);
            }
        }
        finally
        {
            if (subscription is not null) await subscription.DisposeAsync();
        }
    }

    private async Task<IAsyncDisposable?> SubscribeAsync(CancellationToken ct)
    {
        try
        {
            return await signal.SubscribeAsync(() => wake.Writer.TryWrite(true), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSubscribeFailed(ex);
            return null;
        }
    }

    private async Task WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(interval);
        try
        {
            await wake.Reader.ReadAsync(idle.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> RefreshAsync(CancellationToken ct)
    {
        var before = snapshot.Current;
        try
        {
            var now = await snapshot.RefreshAsync(ct);
            if (!now.SameAs(before)) LogChanged(now.ToString());
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            LogReadFailed(ex, before.ToString());
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Feature switches now: {Switches}")]
    private partial void LogChanged(string switches);

    [LoggerMessage(LogLevel.Warning, "Feature switches could not be read; keeping {Switches}")]
    private partial void LogReadFailed(Exception ex, string switches);

    [LoggerMessage(LogLevel.Warning, "Feature switches not read at start; handling updates with {Switches} until the next read")]
    private partial void LogStartWithoutRead(string switches);

    [LoggerMessage(LogLevel.Warning, "Feature change signal not subscribed; relying on the periodic read")]
    private partial void LogSubscribeFailed(Exception ex);
}
