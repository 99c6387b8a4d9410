using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Quiz.Core.Game.Selection;

namespace Quiz.Benchmarks;

/// <summary>One pick from a 50,000-question bank with a 500-question player history.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class SelectionBenchmarks
{
    private List<Candidate> bank = [];
    private List<HistoryEntry> history = [];
    private int step;

    [GlobalSetup]
    public void Setup()
    {
        bank = Enumerable.Range(0, 50_000).Select(i => new Candidate($"q-{i:D6}", i % 3 == 0 ? $"muster-{i % 500}" : null)).ToList();
        var rng = new Random(7);
        history = Enumerable.Range(0, 500)
            .Select(_ => bank[rng.Next(bank.Count)])
            .Select(c => new HistoryEntry(c.Id, (short)rng.Next(4), c.PatternKey))
            .ToList();
    }

    [Benchmark]
    public Pick? Pick_from_50000_with_500_history() =>
        QuestionSelector.Next(bank, history, SelectionRules.Default, SelectionSeed.Rng(4711, step++));

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.P95, StatisticColumn.P100);
        }
    }
}
