using BenchmarkDotNet.Attributes;
using Quiz.Core.Game.Selection;

namespace Quiz.Benchmarks;

/// <summary>One pick from a 50,000-question bank with a 500-question player history.</summary>
[MemoryDiagnoser]
[Config(typeof(SelectionConfig))]
public class SelectionBenchmarks
{
    private List<Candidate> bank = [];
    private List<HistoryEntry> history = [];
    private int step;

    [GlobalSetup]
    public void Setup()
    {
        bank = Enumerable.Range(0, 50_000).Select(i => new Candidate($"q-{i:D6}", i % 3 == 0 ? $"muster-{i % 500}" : null, (short)(i % 4))).ToList();
        var rng = new Random(7);
        history = Enumerable.Range(0, 500)
            .Select(_ => bank[rng.Next(bank.Count)])
            .Select(c => new HistoryEntry(c.Id, (short)rng.Next(4), c.PatternKey))
            .ToList();

        // One pick per iteration (PerPick job) calls the method too rarely for tiered JIT to
        // promote it during BenchmarkDotNet's warm-up: it stayed at instrumented tier 0, three
        // times slower. Running it hot with pauses for the background compiler first makes both
        // jobs measure the optimised code a long-running bot executes.
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 1_000; i++) Pick_from_50000_with_500_history();
            Thread.Sleep(200);
        }
        step = 0;
    }

    [Benchmark]
    public Pick? Pick_from_50000_with_500_history() =>
        QuestionSelector.Next(bank, history, SelectionRules.Default, SelectionSeed.Rng(4711, step++));
}
