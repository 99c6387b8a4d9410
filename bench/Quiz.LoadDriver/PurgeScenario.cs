using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;

namespace Quiz.LoadDriver;

/// <summary>
/// Outbox claim latency with a big backlog of sent rows, before and after housekeeping purges it:
/// 1,000,000 sent rows 60 days old (one INSERT … generate_series), 20 pending rows of 20 chats that
/// the dispatcher's claim (<see cref="OutboxStore.ClaimAsync(int, TimeSpan, CancellationToken)"/>, batch 20) takes again and again
/// (the lease is reset between claims, untimed). Then <see cref="Housekeeping"/> runs until nothing
/// is left, and the claim is measured again, once before and once after VACUUM ANALYZE.
/// </summary>
internal static class PurgeScenario
{
    public const int SentRows = 1_000_000;
    private const int Claims = 2_000;

    public static async Task RunAsync(IServiceProvider core, string database)
    {
        Console.WriteLine($"Scenario purge: {SentRows:N0} sent rows, {Claims} claims of 20 pending rows per phase …");
        await ExecuteAsync(database, $"""
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at, processed_at)
            SELECT 'send_message', g % 50000, '{"{}"}'::jsonb, 'sent', 1, now() - interval '60 days', now() - interval '60 days', now() - interval '60 days'
            FROM generate_series(1, {SentRows}) g;
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at)
            SELECT 'send_message', 900000 + g, '{"{}"}'::jsonb, 'pending', 0, now() - interval '1 minute', now() - interval '1 minute'
            FROM generate_series(1, 20) g;
            """);
        await ExecuteAsync(database, "VACUUM ANALYZE outbox_messages");
        var store = core.GetRequiredService<OutboxStore>();
        var rows = new List<string> { Row("1,000,000 sent rows", await ClaimLatencyAsync(store, database)) };

        var purge = Stopwatch.StartNew();
        var (runs, purged) = (0, 0);
        HousekeepingResult result;
        do
        {
            result = await core.InScopeAsync<Housekeeping, HousekeepingResult>(h => h.RunAsync());
            purged += result.SentOutboxDeleted;
            runs++;
        } while (result != HousekeepingResult.None);
        purge.Stop();
        rows.Add(Row("after purge", await ClaimLatencyAsync(store, database)));
        await ExecuteAsync(database, "VACUUM ANALYZE outbox_messages");
        rows.Add(Row("after purge + VACUUM ANALYZE", await ClaimLatencyAsync(store, database)));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Housekeeping: {purged:N0} sent rows purged in {purge.Elapsed.TotalSeconds:F1} s ({runs} run(s), {purged / purge.Elapsed.TotalSeconds:F0} rows/s)"));
        Console.WriteLine();
        Console.WriteLine("| outbox | claims | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<double[]> ClaimLatencyAsync(OutboxStore store, string database)
    {
        var samples = new double[Claims];
        for (var i = 0; i < Claims; i++)
        {
            var watch = Stopwatch.StartNew();
            var claimed = await store.ClaimAsync(20, TimeSpan.FromMinutes(1));
            samples[i] = watch.Elapsed.TotalMilliseconds;
            if (claimed.Count != 20) throw new InvalidOperationException($"claimed {claimed.Count} of 20 pending rows");
            await ExecuteAsync(database, "UPDATE outbox_messages SET locked_until = NULL WHERE state = 'pending'");
        }
        Array.Sort(samples);
        return samples;
    }

    private static string Row(string name, double[] s)
    {
        double P(double p) => s[Math.Min(s.Length - 1, (int)Math.Ceiling(p / 100 * s.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Length} | {P(50):F2} | {P(95):F2} | {P(99):F2} | {s[^1]:F2} |");
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
