using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Quiz.ServiceDefaults;

/// <summary>
/// The readiness checks (database, migrations, Redis, the scheduler) as the gauge <c>quiz.health.status</c> — 1 when a
/// check passed at its last run, 0 when not — so an alert sees "database not ready" the way <c>/ready</c> does. The
/// health check publisher runs the checks every 30 seconds; a scrape only reads the last result.
/// </summary>
internal sealed class HealthMetrics : IHealthCheckPublisher
{
    public const string MeterName = "Quiz.Health";

    private IReadOnlyDictionary<string, HealthStatus> last = new Dictionary<string, HealthStatus>();

    public HealthMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("quiz.health.status", Observe, description: "1 when the check passed at its last run (healthy), 0 when not, by check");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        Volatile.Write(ref last, report.Entries.ToDictionary(e => e.Key, e => e.Value.Status, StringComparer.Ordinal));
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe() =>
        Volatile.Read(ref last).Select(e => new Measurement<int>(e.Value == HealthStatus.Healthy ? 1 : 0, new KeyValuePair<string, object?>("check", e.Key)));
}
