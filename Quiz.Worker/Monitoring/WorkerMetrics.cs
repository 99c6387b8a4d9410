using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Quiz.Core.Operations;

namespace Quiz.Worker.Monitoring;

/// <summary>
/// The worker's one meter (<c>Quiz.Worker</c>): the scheduler's heartbeat (every job run, the last success per job) and
/// the database readings behind the alerts, as gauges over the last reading (<see cref="OperationalGauges"/> takes it),
/// so a scrape never waits for the database. Before the first reading the gauges are not exported. The job is the tag
/// <c>quartz_job</c>: <c>job</c> is the label Prometheus gives every scraped series.
/// </summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "Quiz.Worker";

    private readonly TimeProvider time;
    private readonly Counter<long> runs;
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSuccess = new(StringComparer.Ordinal);
    private OperationalReading? reading;

    public WorkerMetrics(IMeterFactory meters, TimeProvider time)
    {
        this.time = time;
        var meter = meters.Create(MeterName);
        runs = meter.CreateCounter<long>("quiz.worker.job.runs", description: "Job runs on this node, by job and outcome (succeeded, failed)");
        meter.CreateObservableGauge("quiz.worker.job.last_success_timestamp", LastSuccesses, unit: "s",
            description: "Unix time of the job's last successful run on this node");
        meter.CreateObservableGauge("quiz.outbox.pending", () => Read(r => r.OutboxPending), description: "Outbox rows waiting to be sent");
        meter.CreateObservableGauge("quiz.outbox.pending_by_lane", PendingByLane,
            description: "Outbox rows waiting to be sent, by lane (interactive, payment, bulk)");
        meter.CreateObservableGauge("quiz.outbox.oldest_pending_age", () => Read(r => r.OldestPendingAt is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0),
            unit: "s", description: "How long the oldest waiting outbox row has waited (0 when none waits)");
        meter.CreateObservableGauge("quiz.outbox.dead", () => Read(r => r.OutboxDeadLastDay), description: "Outbox rows dead-lettered in the last 24 hours");
        meter.CreateObservableGauge("quiz.reconciliation.open_differences", () => Read(r => r.OpenDifferences),
            description: "Reconciliation differences with Telegram that no operator has resolved");
        meter.CreateObservableGauge("quiz.refunds.failed_open", () => Read(r => r.OpenRefundFailures),
            description: "Refunds Telegram refused that no operator has retried or resolved");
        meter.CreateObservableGauge("quiz.backup.last_success_timestamp", () => Read(r => r.LastBackupAt?.ToUnixTimeSeconds() ?? 0), unit: "s",
            description: "Unix time the newest recorded backup finished (0: none recorded)");
    }

    public void JobRan(string job, bool succeeded)
    {
        runs.Add(1, new KeyValuePair<string, object?>("quartz_job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
        if (succeeded) lastSuccess[job] = time.GetUtcNow();
    }

    public void Readings(OperationalReading value) => Volatile.Write(ref reading, value);

    private IEnumerable<Measurement<double>> Read(Func<OperationalReading, double> value) =>
        Volatile.Read(ref reading) is { } r ? [new Measurement<double>(value(r))] : [];

    private IEnumerable<Measurement<double>> PendingByLane() =>
        Volatile.Read(ref reading)?.PendingByLane is { } lanes
            ? lanes.Select(l => new Measurement<double>(l.Value, new KeyValuePair<string, object?>("lane", l.Key.ToString().ToLowerInvariant())))
            : [];

    private IEnumerable<Measurement<long>> LastSuccesses() =>
        lastSuccess.Select(j => new Measurement<long>(j.Value.ToUnixTimeSeconds(), new KeyValuePair<string, object?>("quartz_job", j.Key)));
}
