using System.Diagnostics.Metrics;

namespace Quiz.Testing;

/// <summary>Npgsql's commands (and batches) sent by this test's own flow.</summary>
public sealed class SqlCommands : IDisposable
{
    private static readonly AsyncLocal<SqlCommands?> Counting = new();
    private readonly MeterListener listener = new();
    private int counted;

    public SqlCommands()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) =>
        {
            if (Counting.Value is { } counter) Interlocked.Increment(ref counter.counted);
        });
        listener.Start();
    }

    public int Counted => Volatile.Read(ref counted);

    public async Task<T> CountAsync<T>(Func<Task<T>> action)
    {
        Counting.Value = this;
        try
        {
            return await action();
        }
        finally
        {
            Counting.Value = null;
        }
    }

    public void Dispose() => listener.Dispose();
}
