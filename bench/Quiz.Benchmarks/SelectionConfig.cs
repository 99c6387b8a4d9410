using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Quiz.Benchmarks;

/// <summary>
/// Two jobs. <c>Throughput</c> is BenchmarkDotNet's default: each iteration averages thousands of
/// picks, so its percentiles describe iteration means (mean and allocations come from here).
/// <c>PerPick</c> times exactly one pick per iteration, keeps every measurement (no outlier
/// removal) and lets garbage collections fall where they fall, so its P99 is the p99 of a pick.
/// </summary>
internal sealed class SelectionConfig : ManualConfig
{
    public const int PerPickIterations = 5_000;

    public SelectionConfig()
    {
        AddJob(Job.Default.WithId("Throughput"));
        AddJob(Job.Default.WithId("PerPick")
            .WithInvocationCount(1).WithUnrollFactor(1)
            .WithWarmupCount(500).WithIterationCount(PerPickIterations)
            .WithGcForce(false)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, P99Column.Instance, StatisticColumn.P100, StatisticColumn.Iterations);
    }
}
