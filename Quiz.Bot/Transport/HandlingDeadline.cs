using Microsoft.Extensions.Options;

namespace Quiz.Bot.Transport;

/// <summary>
/// The token an accepted update is handled under. Not the application's stopping token: on a
/// graceful shutdown the server keeps in-flight webhook requests open and the polling loop waits
/// for its current update, so handlers finish their work; only shortly before the host's shutdown
/// timeout (when the process would be cut off anyway) are they cancelled, and the pipeline then
/// gives the claim back for a redelivery that resumes them (issue #11, item 2).
/// </summary>
public sealed class HandlingDeadline : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly CancellationTokenRegistration stopping;

    public HandlingDeadline(IHostApplicationLifetime lifetime, IOptions<HostOptions> host)
    {
        Grace = GraceWithin(host.Value.ShutdownTimeout);
        stopping = lifetime.ApplicationStopping.Register(() => source.CancelAfter(Grace));
    }

    /// <summary>How long handlers may still run once the shutdown began.</summary>
    public TimeSpan Grace { get; }

    public CancellationToken Token => source.Token;

    /// <summary>The shutdown timeout less a tenth (at least a second, at most five) to give claims back before the host gives up.</summary>
    public static TimeSpan GraceWithin(TimeSpan shutdownTimeout)
    {
        var margin = TimeSpan.FromTicks(Math.Clamp(shutdownTimeout.Ticks / 10, TimeSpan.TicksPerSecond, 5 * TimeSpan.TicksPerSecond));
        return shutdownTimeout > margin ? shutdownTimeout - margin : TimeSpan.Zero;
    }

    public void Dispose()
    {
        stopping.Dispose();
        source.Dispose();
    }
}
