using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Quiz.Core;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Observability;

/// <summary>What one test's Core container recorded into an instrument of the <c>Quiz.Core</c> meter (its own meter factory: no other test's numbers).</summary>
public sealed class CoreMeter(CoreServices core, string instrument) : IDisposable
{
    private readonly MetricCollector<long> collector = new(core.Get<IMeterFactory>(), CoreMetrics.MeterName, instrument);

    /// <summary>The sum of the measurements whose tags include all of <paramref name="tags"/> ("key=value").</summary>
    public long Sum(params string[] tags) =>
        collector.GetMeasurementSnapshot()
            .Where(m => tags.All(t => t.Split('=', 2) is [var key, var value] && m.Tags.TryGetValue(key, out var v) && Equals(v?.ToString(), value)))
            .Sum(m => m.Value);

    public void Dispose() => collector.Dispose();
}
