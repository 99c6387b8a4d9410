using System.Diagnostics.Metrics;

namespace Quiz.LoadDriver;

/// <summary>
/// Counts the SQL commands the bot sends (Npgsql's <c>db.client.operation.duration</c>, one
/// measurement per command or batch) in this process: the bot runs inside the driver.
/// </summary>
internal sealed class SqlCommandCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long commands;

    public SqlCommandCounter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref commands));
        listener.Start();
    }

    public long Commands => Interlocked.Read(ref commands);

    public void Dispose() => listener.Dispose();
}
