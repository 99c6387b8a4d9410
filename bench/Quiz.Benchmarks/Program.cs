using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Quiz.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Quiz.Benchmarks.SelectionBenchmarks).Assembly).Run(args);
