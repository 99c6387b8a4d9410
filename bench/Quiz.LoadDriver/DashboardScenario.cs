using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Operations;
using Quiz.Core.Operations.Dashboard;

namespace Quiz.LoadDriver;

/// <summary>
/// The Übersicht on a big database: 100,000 players, 100,000 games with 1,000,000 answers over 30 days, 20,000 payments
/// and 50,000 tournament entries, seeded in SQL. Timed: the worker's rollup (<see cref="DailyRollup"/>) catching up the
/// whole window and its regular run, the console's read of all charts (<see cref="DashboardReader"/>) and of the tiles
/// (<see cref="OverviewStatistics"/>), and — for comparison — what the busiest chart would cost read straight from the
/// answers without the rollup.
/// </summary>
internal static class DashboardScenario
{
    public const int Players = 100_000;
    public const int Games = 100_000;
    private const int Reads = 200;

    public static async Task RunAsync(IServiceProvider core, string database)
    {
        Console.WriteLine($"Scenario dashboard: {Players:N0} players, {Games:N0} games, {Games * 10:N0} answers over 30 days …");
        var seed = Stopwatch.StartNew();
        await ExecuteAsync(database, DashboardSeed.Sql);
        await ExecuteAsync(database, "VACUUM ANALYZE");
        var (answers, players) = (await CountAsync(database, "answer_events"), await CountAsync(database, "players"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded in {seed.Elapsed.TotalSeconds:F0} s: {answers:N0} answer events, {players:N0} players"));

        var rollup = core.GetRequiredService<DailyRollup>();
        var rows = new List<string>();
        var days = 0;
        rows.Add(Row("rollup, first run (whole window)", await TimeAsync(1, async () => days = await rollup.RunAsync()), $"{days} days"));
        rows.Add(Row("rollup, regular run (open days)", await TimeAsync(5, async () => days = await rollup.RunAsync()), $"{days} days"));
        var reader = core.GetRequiredService<DashboardReader>();
        var tiles = core.GetRequiredService<OverviewStatistics>();
        // One untimed read each: the first one builds EF's query plans, which a running console did long ago.
        await reader.ReadAsync();
        await tiles.GetAsync();
        rows.Add(Row("all charts (DashboardReader.ReadAsync)", await TimeAsync(Reads, () => reader.ReadAsync()), "2 queries"));
        rows.Add(Row("tiles (OverviewStatistics.GetAsync)", await TimeAsync(Reads, () => tiles.GetAsync()), "7 counts"));
        rows.Add(Row("without rollup: active players per day from answer_events", await TimeAsync(5, () => ExecuteAsync(database, DirectActivePlayers)), "for comparison"));

        Console.WriteLine();
        Console.WriteLine("| what | runs | p50 ms | p95 ms | max ms | note |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>The players chart's first line computed live: distinct players per Berlin day over 30 days of answers.</summary>
    private const string DirectActivePlayers = """
        SELECT (created_at AT TIME ZONE 'Europe/Berlin')::date AS day, count(DISTINCT player_id)
        FROM answer_events WHERE created_at >= now() - interval '30 days' GROUP BY 1
        """;

    private static async Task<double[]> TimeAsync(int runs, Func<Task> run)
    {
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return samples;
    }

    private static string Row(string name, double[] s, string note)
    {
        double P(double p) => s[Math.Min(s.Length - 1, (int)Math.Ceiling(p / 100 * s.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Length} | {P(50):F1} | {P(95):F1} | {s[^1]:F1} | {note} |");
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1200 };
        await command.ExecuteNonQueryAsync();
    }
}
