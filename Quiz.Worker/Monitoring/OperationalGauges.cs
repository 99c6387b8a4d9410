using Quiz.Core.Operations;

namespace Quiz.Worker.Monitoring;

/// <summary>
/// Takes the database readings for the alert gauges every <see cref="Interval"/> (a few indexed counts), so the
/// gauges are at most that old and a scrape costs the database nothing. A failed reading keeps the last one (the
/// alert "database not ready" speaks for the database then).
/// </summary>
public sealed partial class OperationalGauges(OperationalReadings readings, WorkerMetrics metrics, TimeProvider time, ILogger<OperationalGauges> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                metrics.Readings(await readings.ReadAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReadingFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Reading the alert gauges from the database failed; the last reading stays")]
    private partial void LogReadingFailed(Exception ex);
}
