using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace Quiz.Benchmarks;

/// <summary>
/// The 99th percentile of a case's measurements. BenchmarkDotNet has P95 and P100 columns but no
/// P99; this reads <c>ResultStatistics.Percentiles</c> like its own percentile columns do.
/// </summary>
internal sealed class P99Column : IColumn
{
    public static readonly P99Column Instance = new();

    public string Id => nameof(P99Column);
    public string ColumnName => "P99";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;

    // BenchmarkDotNet's percentile columns have priority 2; the order they are added decides the rest.
    public int PriorityInCategory => 2;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => "99th percentile of all measurements (in the PerPick job: of single picks)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (P99(summary, benchmarkCase) is not { } nanoseconds) return "NA";
        var unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit([.. summary.BenchmarksCases.Select(c => P99(summary, c)).OfType<double>()]);
        var value = TimeUnit.Convert(nanoseconds, TimeUnit.Nanosecond, unit).ToString("N2", style.CultureInfo ?? CultureInfo.InvariantCulture);
        return style.PrintUnitsInContent ? $"{value} {unit.Abbreviation}" : value;
    }

    public static double? P99(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(99);

    public override string ToString() => ColumnName;
}
