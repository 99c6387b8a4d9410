using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Quiz.LoadDriver;

/// <summary>
/// The reference: pgbench running a comparable two-statement transaction (dedupe insert + player
/// upsert) against the same tables of the same PostgreSQL.
/// </summary>
internal static partial class PgBench
{
    private const string Script = """
        \set upd random(3000000000, 9000000000)
        \set uid random(900000000, 900005000)
        BEGIN;
        INSERT INTO processed_updates (update_id, received_at) VALUES (:upd, now()) ON CONFLICT DO NOTHING;
        INSERT INTO players (telegram_user_id, first_name, created_at, last_seen_at) VALUES (:uid, 'Bench', now(), now())
          ON CONFLICT (telegram_user_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at;
        END;
        """;

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();

    public static async Task<(double Tps, double AverageMs)> RunAsync(string connectionString, int clients, TimeSpan duration)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var script = Path.Combine(Path.GetTempPath(), $"quiz-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var start = new ProcessStartInfo("pgbench")
            {
                ArgumentList = { "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                    "-f", script, "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, cs.Database! },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PGPASSWORD"] = cs.Password;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException("pgbench failed: " + errors);
            return (double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(Latency().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
