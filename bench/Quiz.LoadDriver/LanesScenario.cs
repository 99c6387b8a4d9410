using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Quiz.LoadDriver;

/// <summary>
/// Issue #14 item 4: players keep asking the bot (<c>/hilfe</c>, a reply through the same path as a game's next
/// question: direct when the budget allows, else deferred to the outbox), each waiting for its reply and thinking
/// 2.5 s, through the real bot with its real send limiter and the stub's Telegram limits. After a quiet phase a
/// tournament's start notice to <c>--backlog</c> entrants (default 100,000) is queued in one INSERT — in the bulk
/// lane, or with <c>--backlog-lane 1</c> in the reply lane, as if there were no lanes — and the players go on. Measured:
/// the players' reply latency (command posted → reply at the stub) without and with the backlog, and the notices sent.
/// </summary>
internal static class LanesScenario
{
    private static readonly TimeSpan Think = TimeSpan.FromSeconds(2.5);
    private static long nextUpdateId = 9_000_000;

    public static async Task RunAsync(DriverOptions o, string database, Uri bot, LanesWatch watch, IReadOnlyList<long> players)
    {
        Console.WriteLine(Invariant($"Scenario lanes: {players.Count} players (/hilfe, think {Think.TotalSeconds} s); warm-up {o.Warmup} s, {o.Seconds} s quiet, then {o.Backlog:N0} start notices in lane {o.BacklogLane} and {o.Seconds} s more; real send limiter, stub with Telegram's limits …"));
        using var http = Client(bot, players.Count);
        using var stop = new CancellationTokenSource();
        var loops = players.Select(p => Task.Run(() => PlayAsync(http, watch, p, stop.Token))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(o.Warmup));
        watch.Phase = "quiet";
        await Task.Delay(TimeSpan.FromSeconds(o.Seconds));
        var queued = Stopwatch.GetTimestamp();
        await QueueBacklogAsync(database, o.Backlog, o.BacklogLane);
        var insertMs = Stopwatch.GetElapsedTime(queued).TotalMilliseconds;
        watch.Phase = "backlog";
        await Task.Delay(TimeSpan.FromSeconds(o.Seconds));
        watch.Phase = "after";
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        var pending = await PendingAsync(database);
        Console.WriteLine();
        Console.WriteLine("| players' replies (posted → reply at the stub) | count | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("without a backlog", watch.Latencies("quiet")));
        Console.WriteLine(Row(Invariant($"with {o.Backlog:N0} start notices queued (lane {o.BacklogLane})"), watch.Latencies("backlog")));
        Console.WriteLine();
        var sent = watch.BulkSent("backlog");
        Console.WriteLine(Invariant(
            $"Backlog: queued in {insertMs:F0} ms; {sent} notices sent in {o.Seconds} s ({sent / (double)o.Seconds:F1}/s); {pending:N0} outbox rows still pending at the end; stub answered {watch.TooManyRequests} calls with 429"));
    }

    /// <summary>The players' webhook client: a connection each.</summary>
    public static HttpClient Client(Uri bot, int players) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = players + 8 }) { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>One player: <c>/hilfe</c>, wait for the reply (at most 120 s), think, again until <paramref name="ct"/>.</summary>
    public static async Task PlayAsync(HttpClient http, LanesWatch watch, long player, CancellationToken ct)
    {
        var random = new Random((int)player);
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 2500)), CancellationToken.None);
        while (!ct.IsCancellationRequested)
        {
            var reply = watch.Posted(player, Stopwatch.GetTimestamp());
            await AnswerLoad.PostAsync(http, GameUpdates.Command(Interlocked.Increment(ref nextUpdateId), player, "/hilfe"), CancellationToken.None);
            await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(120), CancellationToken.None));
            try
            {
                await Task.Delay(Think + TimeSpan.FromMilliseconds(random.Next(0, 200)), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The start notice as the bot would render it, one row per entrant in one statement.</summary>
    private static async Task QueueBacklogAsync(string database, int count, int lane)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at, lane)
            SELECT 'send_message', 700000000 + g, '{"text":"🏆 Das Turnier hat begonnen – jetzt spielen!"}'::jsonb, 'pending', 0, now(), now(), @lane
            FROM generate_series(1, @count) g
            """, connection) { CommandTimeout = 300 };
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("lane", (short)lane);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<long> PendingAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE state = 'pending'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public static string Row(string name, double[] sorted) => sorted.Length == 0
        ? $"| {name} | 0 | – | – | – | – |"
        : Invariant($"| {name} | {sorted.Length} | {P(sorted, 50):F0} | {P(sorted, 95):F0} | {P(sorted, 99):F0} | {sorted[^1]:F0} |");

    private static double P(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
